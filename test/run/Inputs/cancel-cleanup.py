import asyncio

async def cleanup(who):
    print(f"cleanup {who} start")
    await asyncio.sleep(0)
    print(f"cleanup {who} end")

async def worker(who):
    try:
        await asyncio.sleep(1.0)
    except asyncio.CancelledError:
        print(f"{who} cancelled")
        await cleanup(who)
        raise

async def nested():
    try:
        raise RuntimeError("a")
    except Exception as e1:
        try:
            await asyncio.sleep(0)
            raise RuntimeError("b")
        except Exception as e2:
            await asyncio.sleep(0)
            print(f"nested {e1} {e2}")
        return 1

async def main_():
    t = asyncio.create_task(worker("w1"))
    u = asyncio.create_task(worker("w2"))
    await asyncio.sleep(0.01)
    t.cancel()
    u.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: t cancelled")
    try:
        await u
    except asyncio.CancelledError:
        print("main: u cancelled")
    print(f"nested -> {await nested()}")

asyncio.run(main_())
