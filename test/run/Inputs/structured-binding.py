import asyncio

async def num(v):
    await asyncio.sleep(0)
    return v

async def word(w):
    await asyncio.sleep(0)
    return w + "!"

async def main_():
    p, q = (1, 2)
    await asyncio.sleep(0)
    print(f"{p} {q}")
    n, w = await asyncio.gather(num(5), word("hi"))
    await asyncio.sleep(0)
    print(f"{n} {w}")

asyncio.run(main_())
