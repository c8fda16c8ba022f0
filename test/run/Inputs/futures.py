import asyncio

async def producer(fut, v, d):
    print(f"producer {v} sleeping")
    await asyncio.sleep(d)
    fut.set_result(v)
    print(f"producer {v} set")

async def consumer(fut, name):
    print(f"{name} waiting")
    v = await fut
    print(f"{name} got {v}")
    return v

async def main_():
    loop = asyncio.get_running_loop()
    f1 = loop.create_future()
    f2 = loop.create_future()
    c1 = asyncio.create_task(consumer(f1, "c1"))
    c2 = asyncio.create_task(consumer(f2, "c2"))
    c3 = asyncio.create_task(consumer(f1, "c3"))
    p2 = asyncio.create_task(producer(f2, 2, 0.02))
    p1 = asyncio.create_task(producer(f1, 1, 0.005))
    f1.add_done_callback(lambda f: print(f"f1 callback {f.result()}"))
    loop.call_soon(lambda: print("call_soon 1"))
    def cs2():
        print("call_soon 2")
        loop.call_soon(lambda: print("call_soon nested"))
    loop.call_soon(cs2)
    await asyncio.sleep(0)
    print("main after sleep0")
    a = await c1
    b = await c2
    c = await c3
    await p1
    await p2
    print(f"sum {a + b + c}")
    fv = loop.create_future()
    def setfv():
        print("timer sets fv")
        fv.set_result(None)
    loop.call_later(0.01, setfv)
    await fv
    print("fv done")
    fe = loop.create_future()
    loop.call_soon(lambda: fe.set_exception(RuntimeError("bad future")))
    try:
        await fe
    except RuntimeError as e:
        print(f"caught {e}")

asyncio.run(main_())
