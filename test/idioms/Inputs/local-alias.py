import asyncio

async def tally(who, n):
    counts = {}
    seen = []
    for i in range(n):
        await asyncio.sleep(0)
        k = "odd" if i % 2 else "even"
        counts[k] = counts.get(k, 0) + 1
        seen.append(i * i)
        print(f"{who} i {i} last {seen[-1]}")
    print(f"{who} even {counts.get('even', 0)} odd {counts.get('odd', 0)}")
    return len(seen)

async def main_():
    a = asyncio.create_task(tally("a", 3))
    b = asyncio.create_task(tally("b", 2))
    ra = await a
    rb = await b
    print(f"sizes {ra} {rb}")

asyncio.run(main_())
