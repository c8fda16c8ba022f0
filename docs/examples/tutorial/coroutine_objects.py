import asyncio

async def answer():
    print("answer() runs")
    return 42

async def main_():
    c = answer()
    print("called answer(): nothing ran yet")
    v = await c
    print(f"awaited it: {v}")
    answer()  # created, never awaited

asyncio.run(main_())
