import asyncio

async def bump(counter):
    await asyncio.sleep(0)
    counter[0] += 1

async def pointers():
    scratch = 5
    print(f"scratch {scratch}")
    counter = [0]
    p = counter
    r = counter
    items = [1, 2, 3]
    await bump(p)
    await bump(r)
    print(f"counter {counter[0]} via p {p[0]} via r {r[0]}")
    items[0] += 40
    print(f"items[0] {items[0]}")
    return counter[0]

async def main_():
    n = await pointers()
    print(f"returned {n}")

asyncio.run(main_())
