import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    print(f"{name} ends")
    if fail:
        raise RuntimeError(name)
    return len(name)


def names(fs, order):
    # asyncio returns sets: print them in the order of the input list.
    out = []
    for f, n in order:
        if f in fs and n not in out:
            out.append(n)
    return " ".join(out)


async def show(label, fs, **kw):
    order = [(f, f.get_name() if hasattr(f, "get_name") else "f") for f in fs]
    done, pending = await asyncio.wait(fs, **kw)
    print(f"{label}: done [{names(done, order)}] pending [{names(pending, order)}]")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    a = asyncio.create_task(job("a", 0.06), name="a")
    b = asyncio.create_task(job("bb", 0.03), name="b")
    c = asyncio.create_task(job("ccc", 0.09), name="c")
    await show("first", [a, b, c], return_when=asyncio.FIRST_COMPLETED)
    await show("all", [a, b, c, b])

    d = asyncio.create_task(job("d", 0.01, fail=True), name="d")
    e = asyncio.create_task(job("e", 5), name="e")
    await show("first-exc", [e, d], return_when=asyncio.FIRST_EXCEPTION)
    print("d:", d.exception())
    await show("timeout", [e], timeout=0.01)
    e.cancel()
    await show("cancelled", [e], return_when=asyncio.FIRST_EXCEPTION)

    try:
        await asyncio.wait([])
    except ValueError as err:
        print("ValueError:", err)

    # Completion callbacks of wait() run before the waiter wakes the task.
    f = loop.create_future()
    f.add_done_callback(lambda _: print("earlier callback"))

    async def setter():
        f.set_result(7)
        print("set")

    asyncio.create_task(setter())
    await show("future", [f], return_when=asyncio.FIRST_COMPLETED)

    # as_completed: results in completion order.
    fs = [job("x", 0.09), job("yy", 0.03), job("zzz", 0.06)]
    for it in asyncio.as_completed(fs):
        print("as_completed:", await it)

    g = asyncio.create_task(job("g", 0.01, fail=True))
    h = asyncio.create_task(job("h", 5))
    its = list(asyncio.as_completed([g, h], timeout=0.1))
    for it in its:
        try:
            print("got", await it)
        except RuntimeError as err:
            print("RuntimeError:", err)
        except asyncio.TimeoutError:
            print("TimeoutError")
    h.cancel()
    print("elapsed under 1s:", loop.time() - t0 < 1)


asyncio.run(main())
