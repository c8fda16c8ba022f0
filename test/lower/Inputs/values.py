import asyncio

async def square(x):
    await asyncio.sleep(0)
    return x * x

async def greet(name, punctuation):
    await asyncio.sleep(0)
    return "hello " + name + punctuation

async def boxed(v):
    box = [v]
    await asyncio.sleep(0)
    return box

async def values():
    a = await square(3)
    b = 0
    b = await square(a)
    print(f"a={a} b={b}")
    punctuation = "!"
    s = await greet("cosm", punctuation)
    print(s)
    p = await boxed(b + 1)
    print(f"boxed {p[0]}")
    last = await square(p[0])
    print(f"last {last}")
    return await square(2)

async def main_():
    v = await values()
    print(f"values returned {v}")

asyncio.run(main_())
