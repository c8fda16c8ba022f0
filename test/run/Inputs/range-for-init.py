import asyncio


async def handle(tag, item):
    print(f"{tag} handles {item}")
    await asyncio.sleep(0)
    return item + 1


async def drain(tag, n):
    total = 0
    print(f"make batch {tag}")
    try:
        for item in [i * 10 for i in range(n)]:
            total += await handle(tag, item)
    finally:
        print(f"drop batch {tag}")
    print(f"{tag} total {total}")
    return total


async def main():
    one = asyncio.create_task(drain("A", 3))
    two = asyncio.create_task(drain("B", 2))
    a = await one
    b = await two
    print("sum", a + b)


asyncio.run(main())
