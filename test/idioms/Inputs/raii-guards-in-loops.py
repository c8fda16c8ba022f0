import asyncio

async def loop(who, stop):
    s = 0
    for i in range(10):
        print(f"{who} enter {i}")
        try:
            s += i
            await asyncio.sleep(0)
            if i == 1:
                continue
            if i == stop:
                break
            if s > 20:
                return -s
            await asyncio.sleep(0)
        finally:
            print(f"{who} leave {i}")
    return s

async def main_():
    a = asyncio.create_task(loop("a", 2))
    b = asyncio.create_task(loop("b", 99))
    ra = await a
    rb = await b
    print(f"results {ra} {rb}")

asyncio.run(main_())
