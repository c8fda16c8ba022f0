import asyncio


class Noisy:
    def __init__(self, n):
        self.n = n

    def __enter__(self):
        print(f"+{self.n}")
        return self

    def __exit__(self, *exc):
        print(f"-{self.n}")
        return False


async def inner(tag, never):
    with Noisy(f"{tag}.inner1"):
        with Noisy(f"{tag}.inner-gone"):
            await asyncio.sleep(0)
        with Noisy(f"{tag}.inner2"):
            await never
            with Noisy(f"{tag}.inner-unreached"):
                pass


async def outer(tag, never):
    with Noisy(f"{tag}.a") as a:
        pa = a
        with Noisy(f"{tag}.gone"):
            await asyncio.sleep(0)
        with Noisy(f"{tag}.b"):
            await asyncio.sleep(0)
            print(f"{tag}: pointer to a still valid: {'same object' if pa is a else 'MOVED'}, names {pa.n}")
            await inner(tag, never)
            with Noisy(f"{tag}.unreached"):
                pass


async def catcher(tag, never):
    with Noisy(f"{tag}.catcher"):
        try:
            await outer(tag, never)
        except asyncio.CancelledError:
            print(f"{tag}: CancelledError reached the handler")
            raise


async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def main_():
    loop = asyncio.get_running_loop()
    print("== 1: cancel mid-await")
    never = loop.create_future()
    t = loop.create_task(catcher("t1", never))
    await ticks(5)
    print("cancelling t1")
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(f"t1 cancelled: {'yes' if t.cancelled() else 'no'}")
    print("== 2: left blocked when main returns")
    left = loop.create_task(outer("t2", never))
    await ticks(5)
    print("main returns")


asyncio.run(main_())
print("== 3: loop destroyed with a pending task")
loop = asyncio.new_event_loop()
never = loop.create_future()
pending = loop.create_task(outer("t3", never))
loop.run_until_complete(ticks(5))
print("destroying the loop")
loop.close()
# cosm destroys the pending task's frames with the loop; CPython leaves the
# coroutine to the garbage collector: close it here, at the same point.
pending.get_coro().close()
pending._log_destroy_pending = False
print("loop gone")
