import asyncio

class Counter:
    def __init__(self, n):
        self.name = n
        self.count = 0
    async def bump(self, by):
        await asyncio.sleep(0)
        self.count += by
        print(f"{self.name} bump {by} -> {self.count}")
        return self.count
    async def bump_twice(self, by):
        print(f"enter bump_twice {self.name}")
        try:
            a = await self.bump(by)
            b = await self.bump(by * 2)
            return a + b
        finally:
            print(f"exit bump_twice {self.name}")

async def fact(n):
    if n <= 1:
        return 1
    await asyncio.sleep(0)
    sub = await fact(n - 1)
    print(f"fact {n}")
    return n * sub

async def early(n):
    print(f"enter early {n}")
    try:
        v = []
        for i in range(5):
            v.append(await fact(i))
            if i == n:
                print(f"early return at {i} size {len(v)}")
                return len(v)
        return -1
    finally:
        print(f"exit early {n}")

async def main_():
    c = Counter("ctr")
    r = await c.bump_twice(3)
    print(f"r {r} count {c.count}")
    print(f"fact5 {await fact(5)}")
    print("enter block")
    try:
        print(f"early {await early(2)}")
    finally:
        print("exit block")
    print(f"early {await early(9)}")

asyncio.run(main_())
