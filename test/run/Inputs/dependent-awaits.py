import asyncio


async def plus_one(a):
    print("plus_one waits")
    v = await a
    print(f"plus_one got {v}")
    return v + 1


async def sum_of(first, second):
    return await first + await second


class Relay:
    def __init__(self):
        self.hops = 0

    async def pass_(self, a):
        self.hops += 1
        return await a


async def child(name, v):
    print(f"child {name} starts")
    await asyncio.sleep(0)
    print(f"child {name} ends")
    return v


async def forever(name):
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    return 0


async def amain():
    a = await plus_one(child("inline", 1))
    print(f"a {a}")

    t = asyncio.create_task(child("task", 2))
    b = await plus_one(t)
    print(f"b {b}")

    f = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(f.set_result, 3)
    c = await plus_one(f)
    print(f"c {c}")

    x = asyncio.create_task(child("x", 4))
    y = asyncio.create_task(child("y", 5))
    print(f"sum {await sum_of(x, y)}")

    relay = Relay()
    d = await relay.pass_(child("relayed", 6))
    print(f"d {d} hops {relay.hops}")

    slow = asyncio.create_task(forever("slow"))
    waiter = asyncio.create_task(plus_one(slow))
    await asyncio.sleep(0)
    waiter.cancel()
    try:
        await waiter
    except asyncio.CancelledError:
        print(f"waiter cancelled, slow cancelled: {int(slow.cancelled())}")


asyncio.run(amain())
