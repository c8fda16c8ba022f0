import asyncio


async def bump_all(*ids):
    ids = list(ids)

    async def bump():
        for i in range(len(ids)):
            ids[i] += 1
        await asyncio.sleep(0)
        return sum(ids)

    first = await bump()
    second = await bump()
    print(f"bumped {first} {second}, now {sum(ids)}")
    return second


async def joined(sep, *ss):
    # A mutable lambda's changes to its copies belong to that call's frame:
    # each call starts from the closure's copies.
    async def join():
        copies = list(ss)
        out = ""
        for i in range(len(copies)):
            out += copies[i] + sep
            copies[i] += "!"
        await asyncio.sleep(0)
        return out

    t = asyncio.create_task(join())
    again = await join()
    return await t + "|" + again


async def kept(*ns):
    ns = list(ns)
    count = len(ns)
    await asyncio.sleep(0)
    ns = [n * 2 for n in ns]
    return count * 1000 + sum(ns)


async def forwarded(ts):
    # ts is a list standing for references to the caller's variables.
    async def inc():
        for i in range(len(ts)):
            ts[i] += 1
        await asyncio.sleep(0)
        return sum(ts)

    a = await inc()

    async def once():
        await asyncio.sleep(0)
        return 1 + sum(ts)

    b = await once()
    return a * 100 + b


async def summed(*ts):
    async def total():
        await asyncio.sleep(0)
        return sum(ts)

    return await total()


async def main_coro():
    async def ticker():
        for i in range(6):
            print(f"tick {i}")
            await asyncio.sleep(0)

    tick = asyncio.create_task(ticker())
    print(f"bump {await bump_all(1, 2, 3)}")
    print(f"bump {await bump_all()}")
    print(f"joined {await joined(',', 'a', 'b')}")
    print(f"kept {await kept(1, 2, 3)}")
    print(f"kept {await kept()}")
    xy = [1, 2]
    f = await forwarded(xy)
    print(f"forwarded {f}, now {xy[0]} {xy[1]}")
    print(f"forwarded {await forwarded([5])}")
    print(f"summed {await summed(1, 2, 3)}")
    await tick


asyncio.run(main_coro())
