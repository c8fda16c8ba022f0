import asyncio

class Outer:
    class Inner:
        def __init__(self, n):
            self.name = n
            self.hits = 0
        async def ping(self, n):
            await asyncio.sleep(0)
            self.hits += n
            print(f"{self.name} ping {n} hits {self.hits}")
            return self.hits
        async def twice(self, n):
            a = await self.ping(n)
            b = await self.ping(n)
            return a + b
    async def drive(self, n):
        inner = Outer.Inner("in" + str(n))
        r = await inner.twice(n)
        return r + await inner.ping(100)

async def main_():
    o = Outer()
    a = asyncio.create_task(o.drive(1))
    b = asyncio.create_task(o.drive(2))
    ra = await a
    rb = await b
    print(f"results {ra} {rb}")

asyncio.run(main_())
