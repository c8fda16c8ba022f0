import asyncio


async def f(c):
    seen = 0
    if c == 1:
        try:
            await asyncio.sleep(0)
            seen += 1
        finally:
            print("~Noisy")
    if c in (1, 2):
        seen += 100
    return seen


async def main_():
    print(await f(1))
    print(await f(2))


asyncio.run(main_())
