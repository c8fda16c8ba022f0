import asyncio

def make_adder(n):
    return lambda x: x + n

async def apply(who, n):
    add = make_adder(n)
    v = 0
    for i in range(2):
        await asyncio.sleep(0)
        v = add(v)
        print(f"{who} step {i} v {v}")
    return v

async def main_():
    a = asyncio.create_task(apply("a", 3))
    b = asyncio.create_task(apply("b", 5))
    ra = await a
    rb = await b
    print(f"results {ra} {rb}")

asyncio.run(main_())
