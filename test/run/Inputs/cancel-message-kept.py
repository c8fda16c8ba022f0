# The asyncio program test/run/cancel-message-kept.cpp must print.
import asyncio


async def forever():
    await asyncio.sleep(3600)


async def raises_cancel():
    raise asyncio.CancelledError("inner-msg")


async def self_cancel(how):
    asyncio.current_task().cancel(f"A{how}")
    fut = asyncio.get_running_loop().create_future()
    other = asyncio.create_task(forever())
    try:
        if how == 0:
            await asyncio.sleep(0.01)
        elif how == 1:
            await fut
        else:
            await other
    except asyncio.CancelledError as e:
        line = f"{how} caught: '{e}'"
        if how == 1:
            line += f", future cancelled: {int(fut.cancelled())}"
        print(line)
    other.cancel()


async def main():
    for how in range(3):
        await asyncio.create_task(self_cancel(how))

    f = asyncio.get_running_loop().create_future()
    f.cancel("fm")
    try:
        await asyncio.shield(f)
    except asyncio.CancelledError as e:
        print(f"shield(future): '{e}'")
    t = asyncio.create_task(raises_cancel())
    await asyncio.sleep(0)
    print(f"task cancelled: {int(t.cancelled())}")
    try:
        await asyncio.shield(t)
    except asyncio.CancelledError as e:
        print(f"shield(task): '{e}'")


asyncio.run(main())
