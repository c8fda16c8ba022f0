import asyncio

async def make(v):
    await asyncio.sleep(0)
    return v

async def main_():
    r = await make(3)
    await asyncio.sleep(0)
    print(f"{r} 4 one")
    print("6 heap 0.5")

asyncio.run(main_())
