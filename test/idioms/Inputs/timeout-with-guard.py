import asyncio

async def slow(who):
    print(f"enter {who}")
    try:
        await asyncio.sleep(0)
        print(f"{who} waiting")
        await asyncio.sleep(5)
        print(f"{who} never")
        return 1
    finally:
        print(f"exit {who}")

async def ticker():
    for i in range(3):
        await asyncio.sleep(0)
        print(f"tick {i}")

async def main_():
    t = asyncio.create_task(ticker())
    try:
        r = await asyncio.wait_for(slow("slow"), 0.005)
        print(f"got {r}")
    except asyncio.TimeoutError:
        print("timed out")
    await t

asyncio.run(main_())
