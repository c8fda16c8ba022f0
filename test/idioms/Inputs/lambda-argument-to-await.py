import asyncio

async def retry(attempt, tries):
    for i in range(1, tries + 1):
        await asyncio.sleep(0)
        if attempt(i):
            return i
    return -1

async def client(who, needed):
    calls = 0
    def attempt(i):
        nonlocal calls
        calls += 1
        print(f"{who} try {i}")
        return i >= needed
    got = await retry(attempt, 3)
    print(f"{who} got {got} after {calls} calls")

async def main_():
    a = asyncio.create_task(client("a", 2))
    b = asyncio.create_task(client("b", 9))
    await a
    await b

asyncio.run(main_())
