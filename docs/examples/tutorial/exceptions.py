import asyncio

async def parse(n):
    await asyncio.sleep(0)
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n * 2

async def total(a, b):
    x = await parse(a)  # a child's exception comes out here
    y = await parse(b)
    return x + y

async def main_():
    print(f"total(1, 2) = {await total(1, 2)}")
    try:
        await total(1, -2)
    except ValueError as e:
        print(f"caught from a coroutine: {e}")
    t = asyncio.create_task(parse(-3))
    try:
        await t
    except Exception as e:
        print(f"caught from a task: {e}")

asyncio.run(main_())
