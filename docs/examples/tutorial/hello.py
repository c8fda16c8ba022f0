import asyncio

async def hello():
    print("hello...")
    await asyncio.sleep(0.1)
    print("...world")

asyncio.run(hello())
