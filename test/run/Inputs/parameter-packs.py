import asyncio


async def get(who, v):
    print(f"{who} starts")
    await asyncio.sleep(0)
    print(f"{who} ends")
    return v


def show(*args):
    print("".join(f" {a:g}" for a in args))


async def describe(*args):
    print(f"describe of {len(args)}:", end="")
    show(*args)
    await asyncio.sleep(0)
    if len(args) > 2:
        extra = await get("extra", 100)
        return extra + len(args)
    return len(args)


async def sum_all(*cs):
    print(f"sum_all of {len(cs)}")
    return sum(await asyncio.gather(*cs))


async def in_order(first, *rest):
    v = await first
    if rest:
        v += await in_order(*rest)
    return v


class Log:
    def __init__(self, prefix):
        self.prefix = prefix

    async def line(self, *parts):
        await asyncio.sleep(0)
        print(self.prefix, end="")
        show(*parts)


async def named_state(*state):
    await asyncio.sleep(0)
    return len(state) + sum(state)


async def amain():
    print(f"-> {await describe(1, 2)}")
    print(f"-> {await describe(1, 2.5, 99)}")
    print(f"-> {await describe()}")
    print(f"-> {await sum_all(get('a', 1), get('b', 2))}")
    t1 = asyncio.create_task(get("t1", 10))
    t2 = asyncio.create_task(get("t2", 20))
    print(f"-> {await sum_all(t1, t2)}")
    print(f"-> {await in_order(get('x', 1), get('y', 2), get('z', 3))}")
    log = Log("log:")
    await log.line(1, 2.5)
    print(f"-> {await named_state(4, 5)}")


asyncio.run(amain())
