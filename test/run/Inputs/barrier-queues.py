import asyncio
import dataclasses


def state(b):
    # The bracketed part of repr(b): "[filling, waiters:0/3]".
    text = repr(b)
    return f"parties={b.parties} n_waiting={b.n_waiting} broken={b.broken} " + text[text.index("["):-1]


@dataclasses.dataclass(order=True)
class Job:
    priority: int
    name: str = dataclasses.field(compare=False)


async def worker(b, name, rounds):
    for r in range(rounds):
        i = await b.wait()
        print(f"{name} round {r} index {i}")


async def waiter(b, name):
    try:
        i = await b.wait()
        print(f"{name} index {i}")
    except asyncio.BrokenBarrierError as e:
        print(f"{name} BrokenBarrierError: {e}")


async def main():
    b = asyncio.Barrier(3)
    print(state(b))
    await asyncio.gather(worker(b, "a", 2), worker(b, "b", 2), worker(b, "c", 2))
    print(state(b))

    # reset() while a task waits: it gets BrokenBarrierError.
    t = asyncio.create_task(waiter(b, "w1"))
    await asyncio.sleep(0)
    print("waiting:", b.n_waiting)
    print(state(b))
    await b.reset()
    print(state(b))
    await t
    print(state(b))

    # abort(): waiting tasks and later ones are broken.
    t = asyncio.create_task(waiter(b, "w2"))
    await asyncio.sleep(0)
    await b.abort()
    await t
    await waiter(b, "w3")
    print(state(b))

    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)

    # PriorityQueue: lowest first, ties in heapq's order.
    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b"), (1, "a2"), (5, "e"), (0, "z")]:
        pq.put_nowait(item)
    print("priority:", [pq.get_nowait() for _ in range(pq.qsize())])
    # Items that compare equal come out in heapq's order.
    pq = asyncio.PriorityQueue()
    for i, p in enumerate([1, 1, 0, 1, 2, 1, 0, 1]):
        pq.put_nowait(Job(p, f"j{i}"))
    print("ties:", " ".join(f"{j.priority}{j.name}" for j in (pq.get_nowait() for _ in range(8))))

    # LifoQueue: last in, first out; a getter waits for an item.
    lq = asyncio.LifoQueue(maxsize=2)
    lq.put_nowait(1)
    lq.put_nowait(2)
    print("full:", lq.full())
    try:
        lq.put_nowait(3)
    except asyncio.QueueFull:
        print("QueueFull")
    print("lifo:", lq.get_nowait(), lq.get_nowait())

    async def getter(q):
        print("got", await q.get())

    t = asyncio.create_task(getter(lq))
    await asyncio.sleep(0)
    await lq.put(9)
    await t

    # maxsize <= 0: unbounded (asyncio does not validate it).
    q = asyncio.Queue(maxsize=-1)
    for i in range(5):
        q.put_nowait(i)
    print("negative maxsize:", q.maxsize, q.full(), q.qsize())


asyncio.run(main())
