import asyncio


async def ticker(n):
    for i in range(n):
        print(f"tick {i}")
        await asyncio.sleep(0)
    return n


async def items(path):
    item_2 = 100
    if path == 0:
        print("Item(1)")
        try:
            await asyncio.sleep(0)
            return 1 + item_2
        finally:
            print("~Item(1)")
    # pair.a, the temporary Item(3), pair.b from its next(); the temporary
    # dies at the end of the full expression.
    print("Item'(2)")
    print("Item'(3)")
    print("Item'(4)")
    print("~Item'(3)")
    try:
        await asyncio.sleep(0)
        if path == 1:
            raise RuntimeError("path 1")
        return 2 + 4 + item_2
    finally:
        print("~Item'(4)")
        print("~Item'(2)")


async def names(which):
    if which == 0:
        n, c = 2, 1
        await asyncio.sleep(0)
        return n * 10 + c
    if which == 1:
        red = 70
        await asyncio.sleep(0)
        return red
    n, c = 1 << 40, 6
    await asyncio.sleep(0)
    return n + c


async def main_coro():
    tick = asyncio.create_task(ticker(6))
    r = await items(0)
    print(f"path 0 -> {r}")
    r = await items(2)
    print(f"path 2 -> {r}")
    try:
        await items(1)
    except RuntimeError as e:
        print(f"caught {e}")
    for which in range(3):
        v = await names(which)
        print(f"names {which} -> {v}")

    async def pick(b):
        await asyncio.sleep(0)
        return 1 if b else 42

    a = await pick(True)
    b = await pick(False)
    print(f"pick {a} {b}")
    print(f"ticker {await tick}")


asyncio.run(main_coro())
