import asyncio

class Connection:
    def __enter__(self):
        print("connection opened")
    def __exit__(self, *exc):
        print("connection closed")

async def worker():
    with Connection():
        try:
            await asyncio.sleep(10)
            print("not reached")
        except asyncio.CancelledError:
            print("worker: cancelled while sleeping")
            raise

async def main_():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(f"main: worker cancelled = {int(t.cancelled())}")

asyncio.run(main_())
