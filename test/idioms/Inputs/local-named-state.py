import asyncio

async def length(s):
    await asyncio.sleep(0)
    return len(s)

class Job:
    def __init__(me, base):
        me.base = base
    async def run(me, who, n):
        state = n
        keep = who
        for i in range(2):
            await asyncio.sleep(0)
            state = state * 10 + i
            print(f"{keep} state {state}")
        other = state + await length(keep + "!")
        return other + me.base

async def main_():
    j = Job(1000)
    a = asyncio.create_task(j.run("a", 1))
    b = asyncio.create_task(j.run("bb", 2))
    ra = await a
    rb = await b
    print(f"results {ra} {rb}")

asyncio.run(main_())
