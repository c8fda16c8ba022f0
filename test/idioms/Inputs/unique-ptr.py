import asyncio

class Res:
    def __init__(self, n):
        self.name = n
        print(f"open {n}")
    def close(self):
        print(f"close {self.name}")

async def touch(r):
    await asyncio.sleep(0)
    r.name += "+"
    return r

async def user(who):
    p = Res(who)
    p = await touch(p)
    q = Res(who + "2")
    await asyncio.sleep(0)
    print(f"{who} has {p.name} and {q.name}")
    q.close()
    await asyncio.sleep(0)
    print(f"{who} end")
    p.close()

async def main_():
    a = asyncio.create_task(user("a"))
    b = asyncio.create_task(user("b"))
    await a
    await b

asyncio.run(main_())
