import asyncio


async def word(w):
    await asyncio.sleep(0)
    return w


async def main_():
    print("+bound")
    await asyncio.sleep(0)
    print("r is bound, same object yes")
    print("-bound")
    print("after block")
    s = "pre-" + await word("post")
    await asyncio.sleep(0)
    print(f"s is {s}")


asyncio.run(main_())
