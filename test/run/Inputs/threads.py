import asyncio
import threading
import time

def compute(n):
    time.sleep(0.01)
    return n * n

def boom():
    raise ValueError("bad input")

async def main_():
    r = await asyncio.to_thread(compute, 7)
    print(f"to_thread {r}")
    rs = await asyncio.gather(*(asyncio.to_thread(compute, i) for i in range(4)))
    print(f"gathered {rs[0]} {rs[1]} {rs[2]} {rs[3]}")
    try:
        await asyncio.to_thread(boom)
    except ValueError as e:
        print(f"error {e}")
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    def other():
        time.sleep(0.02)
        loop.call_soon_threadsafe(fut.set_result, 5)
    th = threading.Thread(target=other)
    th.start()
    print(f"from a thread {await fut}")
    th.join()
    try:
        await asyncio.wait_for(asyncio.to_thread(time.sleep, 0.2), 0.02)
    except TimeoutError:
        print("timed out")
    print("main done")

asyncio.run(main_())
