import asyncio

class Store:
    def __init__(self, n):
        self.name = n
        self.reads = 0
    async def get(self, key):
        self.reads += 1
        await asyncio.sleep(0)
        v = f"{self.name}:{key}"
        print(f"read {v} (reads {self.reads})")
        return v

async def main_():
    s = Store("db")
    a = asyncio.create_task(s.get(1))
    b = asyncio.create_task(s.get(2))
    ra = await a
    rb = await b
    print(f"{ra} {rb} {s.reads}")

asyncio.run(main_())
