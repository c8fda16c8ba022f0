import asyncio

async def step(what, n):
    print(f"{what} {n}")
    await asyncio.sleep(0)
    return n * 10

async def classify():
    total = 0
    for i in range(6):
        k = i % 4
        if k == 0:
            total += await step("zero", i)
        if k in (0, 1):
            total += await step("zero-or-one", i)
        elif k == 2:
            print(f"two {i}: skip the rest")
            continue
        else:
            await step("other", i)
        print(f"after switch {i} total {total}")
    return total

async def main_():
    total = await classify()
    print(f"total {total}")

asyncio.run(main_())
