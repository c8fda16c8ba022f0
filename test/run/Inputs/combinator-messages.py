# The asyncio program test/run/combinator-messages.cpp must print.
import asyncio


async def child(n):
    for _ in range(n):
        await asyncio.sleep(0)
    if n == 1:
        raise ValueError("boom")


async def num(v):
    await asyncio.sleep(0)
    return v


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child(0))
    try:
        tg.create_task(child(0))
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        async with asyncio.TaskGroup() as tg2:
            tg2.create_task(child(1))
            tg2.create_task(child(5))
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                try:
                    tg2.create_task(child(0))
                except RuntimeError as e:
                    print("RuntimeError:", e)
                raise
    except ExceptionGroup as eg:
        print(eg)

    q = asyncio.Queue(1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print(f"QueueEmpty: '{e}'")
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull as e:
        print(f"QueueFull: '{e}'")

    nested = await asyncio.gather(asyncio.gather(num(1), num(2)), num(3))
    print(f"nested: {nested[0][0]} {nested[0][1]} {nested[1]}")
    timed = await asyncio.wait_for(asyncio.gather(num(4), num(5)), 1.0)
    print(f"wait_for: {timed[0]} {timed[1]}")
    shielded = await asyncio.shield(asyncio.gather(num(6)))
    print(f"shield: {shielded[0]}")


asyncio.run(main())
