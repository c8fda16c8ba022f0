import asyncio


class Noisy:
    def __init__(self, n):
        self.n = n

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print(f"bye {self.n}")


async def child(x):
    await asyncio.sleep(0)
    return x * 2


async def parent():
    return await child(21) + 0


async def fetch(f):
    await asyncio.sleep(0)
    return f


async def get(n):
    await asyncio.sleep(0)
    return ("int " if isinstance(n, int) else "string ") + str(n)


async def a_job():
    await asyncio.sleep(0)
    return "a::job"


async def b_job():
    await asyncio.sleep(0)
    return "b::job + " + await a_job()


async def bookkeeping():
    with Noisy("live") as live, Noisy("self") as self_:
        temp, saved, child_ = 1, 2, 3
        await asyncio.sleep(0)
        total = temp + saved + child_ + await child(5)
        print(f"{live.n} {self_.n} {total}")
        # C++ destroys self, then live: the `with` exits in that order too.
        return total


class Counter:
    def __init__(self):
        self.count = 0

    async def add(self, n):
        await asyncio.sleep(0)
        self.count += n
        return self.count


async def main():
    print(f"parent {await parent()}")
    print(f"fetch {await fetch(7)}")
    print(await get(1))
    print(await get("x"))
    print(await b_job())
    print(f"bookkeeping {await bookkeeping()}")
    c = Counter()
    await c.add(2)
    print(f"counter {await c.add(3)}")


asyncio.run(main())
