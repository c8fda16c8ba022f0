import asyncio


class LogicError(Exception):
    pass


async def step(what, v):
    print(f"step {what}")
    await asyncio.sleep(0)
    return v


async def after_try(fail):
    n = 0
    try:
        n += await step("in try", 1)
    except Exception as e:
        print(f"OLD HANDLER (wrong) {e}")
    n += await step("after try", 2)
    if fail:
        raise RuntimeError("late")
    return n


async def after_awaiting_handler(fail):
    n = 0
    try:
        n += await step("in try 2", 1)
        if n > 100:
            raise LogicError("never")
    except LogicError:
        await step("OLD HANDLER (wrong)", 0)
    n += await step("after try 2", 2)
    if fail:
        raise RuntimeError("late 2")
    return n


async def in_loop():
    n = 0
    for i in range(3):
        try:
            n += await step("loop try", i)
        except Exception as e:
            print(f"OLD LOOP HANDLER (wrong) {e}")
        await step("loop after try", 0)
        if i == 2:
            raise RuntimeError(f"late in loop {n}")
    return n


async def main_():
    print(f"ok -> {await after_try(False)}")
    try:
        await after_try(True)
    except Exception as e:
        print(f"caller caught {e}")
    print(f"ok 2 -> {await after_awaiting_handler(False)}")
    try:
        await after_awaiting_handler(True)
    except Exception as e:
        print(f"caller caught {e}")
    t = asyncio.get_running_loop().create_task(in_loop())
    try:
        await t
    except Exception as e:
        print(f"caller caught {e}")


asyncio.run(main_())
