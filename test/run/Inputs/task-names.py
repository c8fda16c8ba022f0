import asyncio


async def noop():
    pass


async def main_():
    a = asyncio.create_task(noop())
    b = asyncio.create_task(noop(), name="named")
    c = asyncio.create_task(noop())
    print(asyncio.current_task().get_name(), a.get_name(), b.get_name(),
          c.get_name())
    async with asyncio.TaskGroup() as tg:
        d = tg.create_task(noop(), name="g")
        e = tg.create_task(noop())
    print(d.get_name(), e.get_name())
    e.set_name("renamed")
    print(e.get_name())
    f = asyncio.create_task(noop())
    print(f.get_name())
    await f
    print(asyncio.current_task().get_coro().__qualname__,
          f.get_coro().__qualname__)


asyncio.run(main_())
