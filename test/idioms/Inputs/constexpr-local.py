import asyncio

async def fill(who, base):
    N = 3
    scale = 1.5
    raw = [0] * N
    arr = [0] * N
    for i in range(N):
        await asyncio.sleep(0)
        raw[i] = base + i
        arr[i] = int(raw[i] * scale)
        print(f"{who} i {i} raw {raw[i]} arr {arr[i]}")
    return arr[N - 1]

async def main_():
    a = asyncio.create_task(fill("a", 2))
    b = asyncio.create_task(fill("b", 10))
    ra = await a
    rb = await b
    print(f"last {ra} {rb}")

asyncio.run(main_())
