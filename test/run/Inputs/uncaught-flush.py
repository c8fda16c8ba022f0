import asyncio

async def main_():
    print("before")
    await asyncio.sleep(0)
    print("after")
    raise RuntimeError("boom")

asyncio.run(main_())
