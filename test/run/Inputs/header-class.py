import asyncio


class Widget:
    def __init__(self, name):
        self._name = name
        self._size = 1

    def _helper(self, x):
        return x * 2

    async def grow(self, by):
        note = self._name + " grows"
        for _ in range(by):
            await asyncio.sleep(0)
            self._size = self._helper(self._size)
            print(f"{note} {self._size}")
        return self._size

    async def twice(self):
        a = await self.grow(1)
        b = await self.grow(2)
        print(f"{self._name} twice {a} {b}")
        c = await self.spawn(3)

        async def doubled():
            await asyncio.sleep(0)
            return self._helper(self._size)

        d = await doubled()
        print(f"{self._name} lambdas {c} {d}")

    def spawn(self, n):
        async def body():
            await asyncio.sleep(0)
            self._size += n
            return self._size

        return asyncio.create_task(body())

    @staticmethod
    async def make_size(n):
        await asyncio.sleep(0)
        return n * 10


async def main():
    w, v = Widget("w"), Widget("v")
    t = asyncio.create_task(w.twice())
    await v.twice()
    await t
    print(await Widget.make_size(4))


asyncio.run(main())
