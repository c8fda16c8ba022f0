import asyncio

async def ticker(n, k):
    for i in range(k):
        print(f"{n} {i}")
        await asyncio.sleep(0)
    return k

async def spawner(depth):
    print(f"spawner {depth}")
    if depth == 0:
        return 0
    t = asyncio.create_task(spawner(depth - 1))
    u = asyncio.create_task(ticker("sp" + str(depth), 2))
    a = await t
    b = await u
    return a + b + 1

async def yielder_cancel():
    try:
        i = 0
        while True:
            print(f"yc {i}")
            await asyncio.sleep(0)
            i += 1
    except asyncio.CancelledError:
        print("yc cancelled")
        raise

async def main_():
    t1 = asyncio.create_task(ticker("a", 3))
    t2 = asyncio.create_task(ticker("b", 2))
    t1.add_done_callback(lambda t: print(f"t1 done cb {t.result()}"))
    t2.add_done_callback(lambda t: print("t2 done cb"))
    print(f"spawner -> {await spawner(3)}")
    print(f"t1 -> {await t1}")
    print(f"t1 again -> {await t1}")
    y = asyncio.create_task(yielder_cancel())
    z = asyncio.create_task(ticker("z", 5))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(f"cancel -> {int(y.cancel())}")
    print(f"cancel again -> {int(y.cancel())}")
    await asyncio.sleep(0)
    print(f"y done {int(y.done())} cancelled {int(y.cancelled())}")
    print(f"cancel done -> {int(y.cancel())}")
    r = await asyncio.gather(t1, t2, z)
    print(f"gather {r[0]} {r[1]} {r[2]}")

asyncio.run(main_())
