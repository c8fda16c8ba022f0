import asyncio

async def apply(who, base):
    op = lambda x: x + base
    v = 1
    await asyncio.sleep(0)
    v = op(v)
    print(f"{who} add -> {v}")
    op = lambda x: x * 3
    await asyncio.sleep(0)
    v = op(v)
    print(f"{who} mul -> {v}")
    await asyncio.sleep(0)
    print(f"{who} done {v}")
    return v

async def main_():
    a = asyncio.create_task(apply("a", 1))
    b = asyncio.create_task(apply("b", 10))
    ra = await a
    rb = await b
    print(f"results {ra} {rb}")

asyncio.run(main_())
