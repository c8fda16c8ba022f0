# The asyncio twin of dependent-auto-braced.cpp.
import asyncio


async def describe(x, fail):
    copy = x
    n = len(x)
    last = x[-1]
    moved = x
    await asyncio.sleep(0)
    copy += "+"
    print("copy %s n %d last %s moved %s" % (copy, n, last, moved))
    if fail:
        raise RuntimeError("failed with " + copy)
    return len(copy)


async def worker(tag):
    word = tag + "-word"
    print(tag, await describe(word, False))
    try:
        await describe(word, True)
    except RuntimeError as e:
        print("%s caught %s" % (tag, e))

    async def twice(v):
        kept = v
        await asyncio.sleep(0)
        return len(kept) * 2

    print("%s twice %d" % (tag, await twice(word)))


async def amain():
    a = asyncio.create_task(worker("a"))
    b = asyncio.create_task(worker("b"))
    await a
    await b


asyncio.run(amain())
