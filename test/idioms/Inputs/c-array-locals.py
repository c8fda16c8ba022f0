import asyncio

async def fmt(who, n):
    buf = f"{who}-{n}"
    hist = [0, 0, 0, 0]
    for i in range(n):
        await asyncio.sleep(0)
        hist[i % 4] += i
        print(f"{who} {buf} len {len(buf)} slots 4")
    buf += "!"
    await asyncio.sleep(0)
    print(f"{who} {buf} hist {hist[0]} {hist[1]} {hist[2]} {hist[3]} sizeof 32")
    return hist[1]

async def main_():
    a = asyncio.create_task(fmt("a", 2))
    b = asyncio.create_task(fmt("b", 5))
    ra = await a
    rb = await b
    print(f"results {ra} {rb}")

asyncio.run(main_())
