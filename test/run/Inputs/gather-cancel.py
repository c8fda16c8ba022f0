import asyncio

async def job(id, d, fail):
    print(f"job {id} start")
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(f"job {id} cancelled")
        raise
    if fail:
        print(f"job {id} failing")
        raise RuntimeError(f"job {id} failed")
    print(f"job {id} done")
    return id * 10

async def waiter(t):
    try:
        v = await t
        print(f"waiter got {v}")
    except asyncio.CancelledError:
        print("waiter cancelled")
        raise

async def main_():
    r = await asyncio.gather(job(1, 0.02, False), job(2, 0.01, False), job(3, 0, False))
    print(f"r {r[0]} {r[1]} {r[2]}")
    try:
        r2 = await asyncio.gather(job(4, 0.03, False), job(5, 0.01, True))
        print(f"r2 {r2[0]}")
    except RuntimeError as e:
        print(f"gather raised: {e}")
    await asyncio.sleep(0.04)
    cs = [job(10 + i, 0.005 * (4 - i), False) for i in range(4)]
    vs = await asyncio.gather(*cs)
    print(f"vec sum {sum(vs)}")
    inner = asyncio.create_task(job(20, 1.0, False))
    w = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.01)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("main: w cancelled")
    print(f"inner cancelled={int(inner.cancelled())}")
    async def wrap():
        return await asyncio.gather(job(30, 1.0, False), job(31, 1.0, False))
    g = asyncio.create_task(asyncio.gather(job(30, 1.0, False), job(31, 1.0, False)) if False else wrap())
    await asyncio.sleep(0.01)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("main: gather cancelled")

asyncio.run(main_())
