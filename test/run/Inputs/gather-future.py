import asyncio


async def val(name, n, v, fail=False):
    try:
        for _ in range(n):
            await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print(f"cancelled {name} '{e}'")
        raise
    print(f"end {name}")
    if fail:
        raise ValueError(name)
    return v


def describe(r):
    if isinstance(r, BaseException):
        return f"{type(r).__name__}('{r}')"
    return str(r)


async def main():
    g = asyncio.gather(val("a", 1, 1), val("b", 0, 2, True), return_exceptions=True)
    g.add_done_callback(lambda f: print("callback, done:", f.done()))
    r = await g
    print("results:", describe(r[0]), describe(r[1]))

    # Cancelling the gathering future cancels every child; a second cancel
    # while they are still pending replaces the message.
    g = asyncio.gather(val("c", 3, 1), val("d", 3, 2))
    await asyncio.sleep(0)
    print("cancel:", g.cancel("stop"), g.cancel("again"))
    try:
        await g
    except asyncio.CancelledError as e:
        print(f"gather raised CancelledError '{e}', cancelled() {g.cancelled()}")

    # return_exceptions with a cancelled task child: a new CancelledError
    # in the list (a task keeps no message there in 3.11).
    t = asyncio.create_task(val("e", 3, 1))
    fut = asyncio.get_running_loop().create_future()
    g = asyncio.gather(t, val("f", 1, 2), fut, return_exceptions=True)
    await asyncio.sleep(0)
    t.cancel("ce")
    fut.cancel("fe")
    r = await g
    print("results:", describe(r[0]), describe(r[1]), describe(r[2]))
    print("cancel after done:", g.cancel())

    # Cancelling with return_exceptions still ends in CancelledError.
    g = asyncio.gather(val("g", 2, 1), return_exceptions=True)
    await asyncio.sleep(0)
    g.cancel("gm")
    try:
        await g
    except asyncio.CancelledError as e:
        print(f"return_exceptions gather raised CancelledError '{e}'")

    # A failing child with return_exceptions=False: the first error at once.
    g = asyncio.gather(val("h", 2, 1), val("i", 0, 0, True))
    try:
        await g
    except ValueError as e:
        print("raised ValueError", e)
    await asyncio.sleep(0)
    await asyncio.sleep(0)

    g = asyncio.gather()
    print("empty:", g.done(), len(g.result()), g.cancel())


asyncio.run(main())
