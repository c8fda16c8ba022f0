import asyncio


class Conn:
    def __init__(self, fd=-1, peer=""):
        self.fd, self.peer = fd, peer

    def copy(self):
        return Conn(self.fd, self.peer)

    async def reopen(self, step=1):
        nxt = self.copy()
        print(f"{self.peer}: reopen {self.fd}")
        await asyncio.sleep(0)
        nxt.fd += step
        return nxt

    @staticmethod
    async def dial(peer, ok=True):
        print(f"dial {peer}")
        await asyncio.sleep(0)
        if not ok:
            return None
        return Conn(3, peer)

    async def pair(self):
        two = [self.copy(), self.copy()]
        await asyncio.sleep(0)
        two[1].fd += 100
        return two[0].fd + two[1].fd

    async def describe(self):
        fd, peer = self.fd, self.peer
        await asyncio.sleep(0)
        self.fd = -7
        return f"{peer}#{fd}"

    async def later(self, k):
        fd = self.fd

        async def add(by):
            await asyncio.sleep(0)
            return fd + by

        self.fd = 0
        await asyncio.sleep(0)
        return await add(k)


async def take(size, c):
    await asyncio.sleep(0)
    c = c.copy()
    c.fd += size
    return c


class Derived:
    def __init__(self, n=5):
        self.n = n

    async def id(self):
        copy = self.n
        await asyncio.sleep(0)
        return copy * 10

    async def twin(self):
        await asyncio.sleep(0)
        return Derived(self.n + 1)


derived_global = Derived()


async def worker(name):
    for i in range(3):
        print(f"{name} {i}")
        await asyncio.sleep(0)


async def main_coro():
    w = asyncio.create_task(worker("worker"))
    c = await Conn.dial("db")
    none = await Conn.dial("x", False)
    r = await c.reopen()
    r2 = await r.reopen(10)
    print(f"fds {c.fd} {r.fd} {r2.fd} none {1 if none else 0}")
    print(f"pair {await r2.pair()}")
    d = await r2.describe()
    print(f"describe {d}, now {r2.fd}")
    print(f"later {await r2.later(2)}, now {r2.fd}")
    print(f"take {(await take(4, r)).fd}")
    d = await derived_global.twin()
    print(f"twin {d.n} id {await d.id()}")
    await asyncio.sleep(0)  # Tag.clone()
    print("tag 9")
    await w


asyncio.run(main_coro())
