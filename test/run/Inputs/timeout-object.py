import asyncio


async def body(cm, label, first, then):
    loop = asyncio.get_running_loop()
    print(f"{label}: expired {cm.expired()}, has deadline {cm.when() is not None}")
    if then == "none":
        cm.reschedule(None)
    elif then == "past":
        cm.reschedule(loop.time() - 1)
    elif then == "later":
        cm.reschedule(loop.time() + 0.5)
    print(f"{label}: rescheduled, has deadline {cm.when() is not None}")
    await asyncio.sleep(first)
    return 1


async def scope(label, delay, first, then):
    cm = asyncio.timeout(delay)
    try:
        async with cm:
            await body(cm, label, first, then)
        print(f"{label}: finished, expired {cm.expired()}")
    except TimeoutError:
        print(f"{label}: TimeoutError, expired {cm.expired()}")
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        print(f"{label}: {e}")


async def main():
    loop = asyncio.get_running_loop()
    # reschedule(None): no deadline any more.
    await scope("none", 0.01, 0.05, "none")
    # A deadline already passed: expires in the next pass.
    await scope("past", 10, 10, "past")
    # Moved later: the body finishes first.
    await scope("later", 0.01, 0.02, "later")
    # Never rescheduled, deadline passes.
    await scope("plain", 0.01, 10, "keep")
    # timeout(None) and timeout_at.
    cm = asyncio.timeout(None)
    print("None when:", cm.when(), repr(cm))
    async with cm:
        print(repr(cm))
    print(repr(cm))
    when = loop.time() + 100
    cm = asyncio.timeout_at(when)
    print("timeout_at when kept:", cm.when() == when)
    async with cm:
        cm.reschedule(loop.time())
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("cancelled inside, expired", cm.expired())
            try:
                cm.reschedule(None)
            except RuntimeError as e:
                print(e)
            raise
    print("not reached")


try:
    asyncio.run(main())
except TimeoutError:
    print("main: TimeoutError")
