import asyncio

counter = 100
log = ""

async def next_id(who):
    global counter, log
    counter += 1
    mine = counter
    await asyncio.sleep(0)
    log += who
    print(f"{who} got {mine} counter {counter} log {log}")
    await asyncio.sleep(0)
    counter += 1
    return mine

async def main_():
    a = asyncio.create_task(next_id("a"))
    b = asyncio.create_task(next_id("b"))
    ra = await a
    rb = await b
    rc = await next_id("c")
    print(f"ids {ra} {rb} {rc}")

asyncio.run(main_())
