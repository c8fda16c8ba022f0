import asyncio

async def worker():
    print("enter worker")
    try:
        i = 0
        while True:
            print(f"enter step{i}")
            try:
                try:
                    await asyncio.sleep(0)
                    print(f"worked {i}")
                except asyncio.CancelledError:
                    print(f"cancelled in step {i}")
                    await asyncio.sleep(0)
                    print("cleanup done")
                    raise
            finally:
                print(f"exit step{i}")
            i += 1
    finally:
        print("exit worker")

async def main_():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(f"cancel -> {int(t.cancel())}")
    try:
        await t
    except asyncio.CancelledError:
        print(f"main saw CancelledError, cancelled {int(t.cancelled())}")

asyncio.run(main_())
