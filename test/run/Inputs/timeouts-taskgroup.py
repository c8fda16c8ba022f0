import asyncio

async def work(name, delay, result):
    try:
        print(f"{name} start")
        await asyncio.sleep(delay)
        print(f"{name} done")
        return result
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise

async def stubborn():
    try:
        await asyncio.sleep(1.0)
    except asyncio.CancelledError:
        print("stubborn swallows")
    return -1

async def failing(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} fails")
    raise ValueError(name)

async def guarded(t):
    try:
        return await asyncio.shield(t)
    except asyncio.CancelledError:
        print("guard cancelled")
        raise

async def main_():
    r = await asyncio.wait_for(work("fast", 0.01, 1), 0.5)
    print(f"wait_for fast {r}")
    try:
        await asyncio.wait_for(work("slow", 1.0, 2), 0.03)
    except TimeoutError:
        print("wait_for timed out")
    r = await asyncio.wait_for(stubborn(), 0.03)
    print(f"stubborn gave {r}")

    try:
        async with asyncio.timeout(0.03):
            await work("scoped", 1.0, 3)
    except TimeoutError:
        print("timeout scope expired")
    async with asyncio.timeout(0.5):
        r = await work("scoped2", 0.01, 4)
    print(f"timeout scope ok {r}")

    inner = asyncio.create_task(work("precious", 0.05, 5))
    g = asyncio.create_task(guarded(inner))
    await asyncio.sleep(0.01)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print(f"guard done, inner cancelled={int(inner.cancelled())}")
    print(f"inner result {await inner}")

    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work("ga", 0.01, 10))
        b = tg.create_task(work("gb", 0.03, 20))
    print(f"group results {a.result()} {b.result()}")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("long", 1.0, 0))
            tg.create_task(failing("bad", 0.02))
            await asyncio.sleep(1.0)
    except* ValueError as eg:
        print(f"group failed with {len(eg.exceptions)} error(s): {eg.exceptions[0]}")

asyncio.run(main_())
