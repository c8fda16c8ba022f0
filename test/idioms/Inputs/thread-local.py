import asyncio
import threading

tls = threading.local()

async def bump(who, by):
    tls.total = getattr(tls, "total", 0) + by
    before = tls.total
    await asyncio.sleep(0)
    print(f"{who} before {before} now {tls.total}")
    return tls.total

async def main_():
    a = asyncio.create_task(bump("a", 1))
    b = asyncio.create_task(bump("b", 10))
    ra = await a
    rb = await b
    print(f"results {ra} {rb}")

asyncio.run(main_())
