import asyncio

async def quick():
    print("quick runs")
    return 1

async def other():
    print("other runs")

async def main_():
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)  # one pass: quick() runs and finishes
    o = asyncio.create_task(other())
    v = await t  # already done: no suspension, other() waits
    print(f"got {v} without yielding")
    await o

asyncio.run(main_())
