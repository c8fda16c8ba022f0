import asyncio


async def make(name):
    await asyncio.sleep(0)
    return (name, 2)


async def both():
    a = await make("apple")
    t = asyncio.create_task(make("pear"))
    b = await t
    return a, b


async def main():
    (an, aq), (bn, bq) = await both()
    print(f"{an} x{aq}, {bn} x{bq}")


asyncio.run(main())
