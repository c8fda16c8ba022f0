import asyncio

async def safe_div(a, b):
    await asyncio.sleep(0)
    try:
        if b == 0:
            raise RuntimeError("div by zero")
        return a // b
    except Exception as e:
        print(f"caught {e}")
        return -1

class Worker:
    def __init__(self):
        self.done = 0
    async def work(self, a, b):
        r = await safe_div(a, b)
        self.done += 1
        print(f"work {a}/{b} = {r} done {self.done}")

async def main_():
    w = Worker()
    t1 = asyncio.create_task(w.work(7, 2))
    t2 = asyncio.create_task(w.work(1, 0))
    await t1
    await t2
    print(f"done {w.done}")

asyncio.run(main_())
