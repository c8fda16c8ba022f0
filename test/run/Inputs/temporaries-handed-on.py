import asyncio


async def length(s):
    await asyncio.sleep(0)
    await asyncio.sleep(0.001)
    return len(s) + (s[0] == "w")


def mk(n):
    return "w" * n


async def ticker():
    for i in range(3):
        print(f"tick {i}")
        await asyncio.sleep(0)


async def main():
    tick = asyncio.create_task(ticker())
    a, b = await asyncio.gather(length("w" * 40), length(mk(50) + "tail"))
    print(f"{a} {b}")
    print(await asyncio.wait_for(length(mk(60)), 5.0))
    async with asyncio.timeout(5.0):
        print(await length(mk(70)))
    print(await asyncio.shield(length(mk(80))))
    print(await length(mk(90) + mk(10)))
    print(await asyncio.create_task(length(mk(100))))
    await tick


asyncio.run(main())
