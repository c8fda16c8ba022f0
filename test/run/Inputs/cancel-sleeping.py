import asyncio

async def sleeper(id):
    print(f"sleeper {id} start")
    try:
        await asyncio.sleep(1.0)
        print(f"sleeper {id} woke")
    except asyncio.CancelledError:
        print(f"sleeper {id} cancelled")
        raise

async def stubborn():
    try:
        await asyncio.sleep(1.0)
    except asyncio.CancelledError:
        print("stubborn ignores cancel")
    return 7

async def main_():
    t1 = asyncio.create_task(sleeper(1))
    t2 = asyncio.create_task(sleeper(2))
    await asyncio.sleep(0.01)
    t1.cancel()
    try:
        await t1
    except asyncio.CancelledError:
        print("main saw t1 cancelled")
    print(f"t1 cancelled={int(t1.cancelled())} t2 done={int(t2.done())}")
    t2.cancel()
    await asyncio.sleep(0)
    print(f"t2 done={int(t2.done())} cancelled={int(t2.cancelled())}")
    t3 = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t3.cancel()
    v = await t3
    print(f"stubborn returned {v} cancelled={int(t3.cancelled())}")
    t4 = asyncio.create_task(sleeper(4))
    t4.cancel()
    try:
        await t4
    except asyncio.CancelledError:
        print("t4 cancelled before start")

asyncio.run(main_())
