import asyncio

async def fetch(what, seconds):
    print(f"fetching {what}")
    await asyncio.sleep(seconds)
    print(f"got {what}")
    return int(seconds * 100)

async def main_():
    a, b, c = await asyncio.gather(
        fetch("a", 0.03), fetch("b", 0.01), fetch("c", 0.02))
    print(f"results in argument order: {a} {b} {c}")

asyncio.run(main_())
