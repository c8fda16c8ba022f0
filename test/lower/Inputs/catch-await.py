import asyncio
async def fails(v):
    await asyncio.sleep(0)
    if v % 2: raise RuntimeError(f"odd {v}")
    return v
async def log(s):
    await asyncio.sleep(0)
    print(f"log: {s}")
async def rethrows():
    try:
        await fails(1)
    except RuntimeError as e:
        await log(f"handling {e}")
        print(f"still {e}")
        raise
async def loop():
    n = 0
    for i in range(4):
        try:
            n += await fails(i)
        except RuntimeError as e:
            await log(str(e))
            if i == 1: continue
            print(f"after log {i}")
        except BaseException:
            print("other")
        print(f"end {i}")
    return n
async def main_():
    try:
        await rethrows()
    except Exception as e:
        print(f"main caught {e}")
    n = await loop()
    print(f"n {n}")
    try:
        raise ValueError("late")
    except BaseException:
        await asyncio.sleep(0)
        print("caught all")
asyncio.run(main_())
