import asyncio

slots = [0, 0]

async def fill(who, i):
    count = len(slots)
    for k in (1, 2):
        await asyncio.sleep(0)
        slots[i] += k * (i + 1)
        print(f"{who} k {k} slot {slots[i]} count {count}")
    return slots[i]

async def main_():
    a = asyncio.create_task(fill("a", 0))
    b = asyncio.create_task(fill("b", 1))
    ra = await a
    rb = await b
    print(f"results {ra} {rb} slots {slots[0]} {slots[1]}")

asyncio.run(main_())
