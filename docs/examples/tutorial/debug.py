import asyncio
import time

async def blocker():
    print("blocking the loop for 0.15 s")
    time.sleep(0.15)

async def main_():
    await asyncio.create_task(blocker())

asyncio.run(main_(), debug=True)
