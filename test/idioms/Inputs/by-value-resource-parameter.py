import asyncio

class Res:
    def __init__(self, n):
        self.name = n
        print(f"open {n}")
    def __del__(self):
        print(f"close {self.name}")

async def use(r):
    await asyncio.sleep(0)
    print(f"using {r.name}")
    return len(r.name)

async def main_():
    n = await use(Res("awaited"))
    print(f"awaited returned {n}")
    t = asyncio.create_task(use(Res("task")))
    m = await t
    print(f"task returned {m}")
    await asyncio.sleep(0)
    print("end of main")

asyncio.run(main_())
