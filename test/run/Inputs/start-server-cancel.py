import asyncio
passes = 0
def tick():
    global passes
    passes += 1
    asyncio.get_running_loop().call_soon(tick)
async def handle(r, w): w.close()

async def main():
    asyncio.get_running_loop().call_soon(tick)
    for k in range(5):
        t = asyncio.create_task(asyncio.start_server(handle, "127.0.0.1", 0))
        for i in range(k): await asyncio.sleep(0)
        t.cancel()
        p0 = passes
        try:
            await t
            print(f"k={k} finished")
        except asyncio.CancelledError:
            print(f"k={k} cancelled after {passes - p0} passes")
    t = asyncio.create_task(asyncio.sleep(0))
    print(f"next task: {t.get_name()}")

asyncio.run(main())
