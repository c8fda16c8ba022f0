import asyncio
from collections import deque

class Buffer:
    def __init__(self):
        self.items = deque()
    def put(self, v):
        self.items.append(v)
    async def take(self):
        while not self.items:
            await asyncio.sleep(0)
        return self.items.popleft()

async def consumer(ints, strs):
    a = await ints.take()
    print(f"got int {a}")
    s = await strs.take()
    print(f"got str {s} after {a}")

async def main_():
    ints, strs = Buffer(), Buffer()
    c = asyncio.create_task(consumer(ints, strs))
    await asyncio.sleep(0)
    print("put int")
    ints.put(7)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("put str")
    strs.put("seven")
    await c

asyncio.run(main_())
