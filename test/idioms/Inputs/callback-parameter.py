import asyncio

async def with_hook(x, on_done):
    await asyncio.sleep(0)
    on_done(x * 2)
    return x

async def with_functor(x, f):
    await asyncio.sleep(0)
    return f(x)

async def main_():
    seen = 0
    def h1(v):
        nonlocal seen
        seen += v
        print(f"hook {v}")
    a = asyncio.create_task(with_hook(1, h1))
    b = asyncio.create_task(with_hook(5, lambda v: print(f"hook {v}")))
    ra = await a
    rb = await b
    rc = await with_functor(7, lambda v: v + 100)
    print(f"results {ra} {rb} {rc} seen {seen}")

asyncio.run(main_())
