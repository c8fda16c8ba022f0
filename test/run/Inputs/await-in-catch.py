import asyncio
import sys

async def get(v):
    await asyncio.sleep(0)
    return v

async def boom(v):
    await asyncio.sleep(0)
    raise RuntimeError(f"boom {v}")

class LogicError(Exception):
    pass

async def handler_awaits(v):
    print(f"+outer{v}")
    try:
        try:
            print("+try")
            try:
                return await boom(v)
            finally:
                print("-try")
        except RuntimeError as e:
            print("+handler")
            try:
                print(f"caught {e}")
                r = await get(v * 2)
                print(f"after await in handler: {e} {r}")
                print(f"current exception {'kept' if sys.exc_info()[1] else 'lost'}")
                if v == 2:
                    raise
                if v == 3:
                    raise LogicError("new error")
                return r
            finally:
                print("-handler")
    finally:
        print(f"-outer{v}")

async def main_():
    print(f"r1 {await handler_awaits(1)}")
    try:
        await handler_awaits(2)
    except Exception as e:
        print(f"main caught rethrown {e}")
        await asyncio.sleep(0)
        print(f"main still has {e}")
    try:
        await handler_awaits(3)
    except LogicError as e:
        print(f"main caught logic {e}")
    except Exception as e:
        print(f"wrong handler {e}")
    for i in range(3):
        try:
            if i == 1:
                raise RuntimeError("loop")
            await get(i)
            print(f"loop ok {i}")
        except BaseException:
            await get(i)
            print(f"loop caught {i}")
            continue
        print(f"after try {i}")
    t = asyncio.create_task(get(5))
    try:
        raise ValueError(42)
    except ValueError as x:
        print(f"int {x} task {await t}")

asyncio.run(main_())
