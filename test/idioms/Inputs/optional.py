import asyncio

async def find(key):
    await asyncio.sleep(0)
    if key % 2:
        return None
    return key * 10

async def lookup(who, k1, k2):
    label = None
    v = await find(k1)
    print(f"{who} k1 {v}")
    if v is not None:
        label = f"{who}:{v}"
    v = await find(k2)
    print(f"{who} k2 {v} label {label}")
    label = None
    await asyncio.sleep(0)
    print(f"{who} label {label}")

async def main_():
    a = asyncio.create_task(lookup("a", 2, 3))
    b = asyncio.create_task(lookup("b", 1, 4))
    await a
    await b

asyncio.run(main_())
