import asyncio


async def log_later(fmt, *args):
    await asyncio.sleep(0)
    print(fmt % args, end="")
    return len(args)


async def main_():
    a = asyncio.create_task(log_later("a %d %d\n", 1, 2))
    b = asyncio.create_task(log_later("b %s\n", "x"))
    ra = await a
    rb = await b
    rc = await log_later("c %s\n", "-")
    print("counts %d %d %d" % (ra, rb, rc))


asyncio.run(main_())
