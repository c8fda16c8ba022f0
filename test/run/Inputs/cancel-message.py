import asyncio


async def sleeper(who):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(f"{who} sees '{e}'")
        raise


async def awaiter(who, t):
    try:
        await t
    except asyncio.CancelledError as e:
        print(f"{who} sees '{e}'")


future_awaiter = awaiter


async def raiser():
    await asyncio.sleep(0)
    raise asyncio.CancelledError("own")


async def pair():
    await asyncio.gather(sleeper("left"), sleeper("right"))


def result_of(who, t):
    try:
        t.result()
    except asyncio.CancelledError as e:
        print(f"{who} result '{e}'")


async def main_():
    t = asyncio.create_task(sleeper("t"))
    a = asyncio.create_task(awaiter("a", t))
    b = asyncio.create_task(awaiter("b", t))
    await asyncio.sleep(0)
    t.cancel("m")
    await a
    await b
    result_of("t", t)

    t2 = asyncio.create_task(sleeper("t2"))
    t2.cancel("early")
    await asyncio.create_task(awaiter("a2", t2))
    result_of("t2", t2)

    t3 = asyncio.create_task(raiser())
    a = asyncio.create_task(awaiter("a3", t3))
    b = asyncio.create_task(awaiter("b3", t3))
    await a
    await b

    f = asyncio.get_running_loop().create_future()
    fa = asyncio.create_task(future_awaiter("fa", f))
    fb = asyncio.create_task(future_awaiter("fb", f))
    await asyncio.sleep(0)
    f.cancel("fm")
    await fa
    await fb

    t4 = asyncio.create_task(sleeper("t4"))
    await asyncio.sleep(0)
    t4.cancel("one")
    t4.cancel("two")
    await asyncio.create_task(awaiter("a4", t4))

    g = asyncio.create_task(pair())
    await asyncio.sleep(0)
    ga = asyncio.create_task(awaiter("ga", g))
    await asyncio.sleep(0)
    g.cancel("gm")
    await ga

    t5 = asyncio.create_task(sleeper("t5"))
    await asyncio.sleep(0)
    t5.cancel()
    await asyncio.create_task(awaiter("a5", t5))


asyncio.run(main_())
