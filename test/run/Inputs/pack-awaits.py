import asyncio

# A C++ pack expansion is a loop over the pack here: one element after the
# other, each await where the pattern has it.


async def fetch(i):
    print(f"fetch {i}")
    await asyncio.sleep(0)
    if i < 0:
        raise RuntimeError(f"bad id {i}")
    return i * 10


async def check(i):
    print(f"check {i}")
    await asyncio.sleep(0)
    return i > 0


def report(what, value):
    print(f"{what} {value}")


def use(tag, a, b, c):
    print(f"use {tag} {a} {b} {c}")
    return a + b + c


async def ticker(n):
    for i in range(n):
        print(f"tick {i}")
        await asyncio.sleep(0)


async def each_all(*ids):
    label = "got"
    for i in ids:
        report(label, await fetch(i))
    total = 0
    for v in [await fetch(i) for i in ids]:
        total = total + v
    print(f"total {total}")
    last = None
    for i in ids:
        last = await fetch(i)
    print(f"last {last}")
    return total


async def calls(*ids):
    tag = "three"
    total = use(tag, *[await fetch(i) for i in ids])
    got = [await fetch(i + 1) for i in ids]
    print(f"sum {total}, got {got[0]} {got[1]} {got[2]}")
    if total > 0:
        for i in ids:
            report("again", await fetch(i))


async def all_of(ids):
    for i in ids:
        if not await check(i):
            return False
    return True


async def any_of(ids):
    for i in ids:
        if await check(i):
            return True
    return False


async def logic(*ids):
    print(f"all {int(await all_of(ids))}")
    print(f"any {int(await any_of(ids))}")
    print(f"seeded {int(await all_of(ids))}")


async def tasks(*ts):
    for t in ts:
        report("task", await t)


async def empty_folds(*ids):
    a = await all_of(ids)
    b = await any_of(ids)
    zero = sum([await fetch(i) for i in ids])
    print(f"empty {int(a)} {int(b)} {zero}")
    return zero


async def amain():
    tick = asyncio.create_task(ticker(12))
    print(f"each_all -> {await each_all(1, 2, 3)}")
    await calls(4, 5, 6)
    await logic(1, -2, 3)
    await logic(-1, 2)
    a = asyncio.create_task(fetch(7))
    b = asyncio.create_task(fetch(8))
    await tasks(a, b)
    print(f"empty -> {await empty_folds()}")
    try:
        await each_all(1, -2, 3)
    except RuntimeError as e:
        print(f"caught {e}")
    await tick


asyncio.run(amain())
