import asyncio

async def greet(who, times=2, sep="-"):
    line = ""
    for i in range(times):
        await asyncio.sleep(0)
        line += (sep if i else "") + who
    print(line)
    return times

class Greeter:
    extra = 1
    async def hello(self, n=3):
        await asyncio.sleep(0)
        return n + self.extra

async def main_():
    a = asyncio.create_task(greet("a"))
    b = asyncio.create_task(greet("b", 3, "+"))
    ra = await a
    rb = await b
    g = Greeter()
    h1 = await g.hello()
    h2 = await g.hello(10)
    print(f"results {ra} {rb} {h1} {h2}")

asyncio.run(main_())
