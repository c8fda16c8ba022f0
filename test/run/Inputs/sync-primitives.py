import asyncio

async def limited(sem, id):
    print(f"worker {id} wants a slot (locked={int(sem.locked())})")
    await sem.acquire()
    print(f"worker {id} running")
    await asyncio.sleep(0)
    print(f"worker {id} done")
    sem.release()
    return id * 10

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print(f"put {i} (size {q.qsize()} full={int(q.full())})")
    await q.put(-1)
    await q.put(-1)
    print("producer done")

async def consumer(q, id):
    total = 0
    while True:
        item = await q.get()
        q.task_done()
        if item < 0:
            break
        print(f"consumer {id} got {item}")
        total += item
        await asyncio.sleep(0)
    return total

async def cond_waiter(cond, ready, id):
    await cond.acquire()
    seen = await cond.wait_for(lambda: ready[0])
    print(f"cond waiter {id} sees {seen}")
    cond.release()

async def stuck(cond):
    await cond.acquire()
    try:
        await cond.wait()
    except asyncio.CancelledError:
        print(f"stuck cancelled, lock held={int(cond.locked())}")
        cond.release()
        raise

async def main_():
    sem = asyncio.Semaphore(2)
    ws = [asyncio.create_task(limited(sem, i)) for i in range(4)]
    rs = await asyncio.gather(*ws)
    print(f"workers {rs[0]} {rs[1]} {rs[2]} {rs[3]}")

    q = asyncio.Queue(2)
    c1 = asyncio.create_task(consumer(q, 1))
    c2 = asyncio.create_task(consumer(q, 2))
    await producer(q, 5)
    await q.join()
    print("joined")
    t1 = await c1
    t2 = await c2
    print(f"totals {t1 + t2}")

    cond = asyncio.Condition()
    ready = [0]
    w1 = asyncio.create_task(cond_waiter(cond, ready, 1))
    w2 = asyncio.create_task(cond_waiter(cond, ready, 2))
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify_all()
    cond.release()
    print("notified with ready=0")
    await asyncio.sleep(0)
    await cond.acquire()
    ready[0] = 3
    cond.notify(1)
    cond.release()
    print("notified one with ready=3")
    await w1
    print(f"w2 done={int(w2.done())}")
    await cond.acquire()
    cond.notify(1)
    cond.release()
    await w2

    s = asyncio.create_task(stuck(cond))
    await asyncio.sleep(0)
    await cond.acquire()
    s.cancel()
    await asyncio.sleep(0)
    print("main releases")
    cond.release()
    try:
        await s
    except asyncio.CancelledError:
        print(f"stuck task cancelled={int(s.cancelled())}")

asyncio.run(main_())
