import asyncio
import copy


class Runner:
    def __init__(self):
        self.bias = 1

    def key(self, a):
        return (a * self.bias) % 7

    async def run(self, v):
        later = 10
        v.sort(key=self.key)
        await asyncio.sleep(0)
        print(f"by key: {v[0]} {v[1]} {v[2]}")
        v.sort(key=lambda a: a * self.bias, reverse=True)
        await asyncio.sleep(0)
        snapshot = copy.copy(self)
        f = lambda a: a + snapshot.bias
        self.bias = 100
        total = lambda: self.bias + later
        print(f"desc: {v[0]} {v[1]} {v[2]}, copy {f(1)}, sum {total()}")
        return v[0]

    async def scaled(self, n):
        await asyncio.sleep(0)
        return self.bias * n


async def main():
    r = Runner()
    r.bias = 3
    print(f"run -> {await r.run([5, 1, 4, 2])}")
    print(f"scaled -> {await r.scaled(2)}")


asyncio.run(main())
