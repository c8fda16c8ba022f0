import asyncio

class Filter:
    def __init__(self, limit):
        self.limit = limit
    async def count(self, v, who):
        bonus = 1
        n = sum(1 for x in v if x + bonus > self.limit)
        print(f"{who} before {n}")
        await asyncio.sleep(0)
        self.limit -= 5
        n = sum(1 for x in v if x + bonus > self.limit)
        print(f"{who} after {n}")
        return n

async def main_():
    f, g = Filter(10), Filter(4)
    a = asyncio.create_task(f.count([1, 6, 9, 12], "f"))
    b = asyncio.create_task(g.count([1, 2, 3, 4], "g"))
    ra = await a
    rb = await b
    print(f"results {ra} {rb} limits {f.limit} {g.limit}")

asyncio.run(main_())
