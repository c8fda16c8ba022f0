import asyncio


async def walk(v, m):
    total = 0
    for x in v:
        await asyncio.sleep(0)
        total += x
    names = ["x", "y"]
    await asyncio.sleep(0)
    print(f"b={m['b']} n={len(names)}")
    return total


async def pairs(m):
    for key, value in m.items():
        await asyncio.sleep(0)
        print(f"{key} -> {value}")


async def main():
    m = {"a": 1, "b": 2}
    print(f"sum {await walk([1, 2, 3], m)}")
    await pairs(m)


asyncio.run(main())
