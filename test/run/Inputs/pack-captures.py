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
    await tick


asyncio.run(main_coro())
