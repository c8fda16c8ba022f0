import asyncio


async def ticker():
    for i in range(30):
        print(f"  tick {i}")
        await asyncio.sleep(0)


async def waiter(fut, name):
    print(f"{name} waits")
    v = await fut
    print(f"{name} resumed with {v}")
    return v


async def main_():
    loop = asyncio.get_running_loop()
    tick = loop.create_task(ticker())

    print("-- 1")
    f1 = loop.create_future()

    def cb1():
        print("callback sets f1")
        f1.set_result(1)
        print("callback after set_result (before the waiter)")

    loop.call_soon(cb1)
    v1 = await f1
    print(f"main resumed with {v1}")

    print("-- 2")
    f2 = loop.create_future()
    # C++: the callback's move constructor sets the result during registration.
    print("set_result(2) inside add_done_callback")
    f2.set_result(2)
    f2.add_done_callback(lambda f: print(f"done callback sees {f.result()}"))
    print(f"add_done_callback returned, done={int(f2.done())}")
    v2 = await f2
    print(f"main got {v2} without suspending")
    await asyncio.sleep(0)

    print("-- 3")
    f3a = loop.create_future()
    f3b = loop.create_future()
    w = loop.create_task(waiter(f3b, "w"))
    await asyncio.sleep(0)

    def cb3(a):
        print(f"f3a callback sets f3b to {a.result() * 10}")
        f3b.set_result(a.result() * 10)
        f3b.add_done_callback(lambda b: print(f"late f3b callback {b.result()}"))
        print("f3a callback returns")

    f3a.add_done_callback(cb3)
    f3a.set_result(3)
    print("main after f3a.set_result")
    print(f"w -> {await w}")

    print("-- 4")
    fin = loop.create_task(waiter(f3b, "fin"))
    await fin
    fin.add_done_callback(lambda t: print(f"fin callback {t.result()}"))
    print("main after registering on a finished task")
    await asyncio.sleep(0)
    print("-- end")
    tick.cancel()


asyncio.run(main_())
