import asyncio

async def process(who, v, k):
    out = [x * k for x in v]
    await asyncio.sleep(0)
    big = sum(1 for x in out if x > k * 2)
    print(f"{who} big {big}")
    await asyncio.sleep(0)
    s = sum(out)
    print(f"{who} sum {s}")
    return s + big

async def main_():
    a = asyncio.create_task(process("a", [1, 2, 3, 4], 3))
    b = asyncio.create_task(process("b", [5, 1], 2))
    ra = await a
    rb = await b
    print(f"results {ra} {rb}")

asyncio.run(main_())
