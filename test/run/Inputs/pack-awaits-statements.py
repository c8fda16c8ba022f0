import asyncio

async def fetch(i):
    print(f"fetch {i}")
    await asyncio.sleep(0)
    return i

class Box:
    base = 100
    async def get(self, i):
        await asyncio.sleep(0)
        return self.base + i
    async def sum(self, *ids):
        return sum([await self.get(i) for i in ids])

async def inner(*ids):
    async def f():
        return sum([await fetch(i) for i in ids])
    return await f()

async def all_(aws):
    for a in aws:
        if not await a():
            return False
    return True

async def any_(aws):
    for a in aws:
        if await a():
            return True
    return False

async def conds(*ids):
    n = 0
    if await all_([lambda i=i: fetch(i) for i in ids]):
        n += 1
    while n < 3 and await any_([lambda i=i, n=n: fetch(i + n) for i in ids]):
        n += 1
    if n == 3:
        for i in ids:
            print(f"case {await fetch(i)}")
    for k in range(2):
        n += sum([await fetch(i * k) for i in ids])
    return n

async def amain():
    b = Box()
    print(f"box {await b.sum(1, 2)}")
    print(f"conds {await conds(1, 2)}")

asyncio.run(amain())
