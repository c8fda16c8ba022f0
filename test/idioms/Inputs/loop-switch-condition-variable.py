import asyncio

vals = [3, 2, 0, 1, 0, 5, 4]
idx = 0

def next_():
    global idx
    if idx >= 7:
        return None
    v = vals[idx]
    idx += 1
    return v or None

async def drain(who):
    await asyncio.sleep(0)
    s = 0
    while (p := next_()) is not None:
        s += p
    print(f"{who} while sum {s}")
    k = s % 4
    if k == 2:
        s += 100
    else:
        s += k
    await asyncio.sleep(0)
    while (q := next_()) is not None:
        s += q
    print(f"{who} for sum {s}")
    return s

async def main_():
    a = asyncio.create_task(drain("a"))
    b = asyncio.create_task(drain("b"))
    ra = await a
    rb = await b
    print(f"results {ra} {rb}")

asyncio.run(main_())
