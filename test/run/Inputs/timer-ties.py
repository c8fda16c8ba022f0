# The asyncio program test/run/timer-ties.cpp must print.
import asyncio

out = []


def note(what):
    out.append(what)


async def main():
    loop = asyncio.get_running_loop()

    # Six timers with one deadline: heapq's order, not the scheduling order.
    t = loop.time() + 0.02
    for i in range(6):
        loop.call_at(t, print, "six", i)
    await asyncio.sleep(0.05)

    # Two deadlines interleaved, a later one first, some cancelled before
    # they fire: the cancelled ones leave the heap only from its top.
    t = loop.time() + 0.02
    handles = []
    loop.call_at(t + 0.02, print, "late")
    for i in range(10):
        handles.append(loop.call_at(t + (0.01 if i % 2 else 0), print, "two", i))
    for i in (0, 3, 4):
        handles[i].cancel()
    await asyncio.sleep(0.08)

    # Over 100 timers with more than half cancelled: the loop rebuilds the
    # heap (heapify) and the survivors fire in the rebuilt heap's order.
    t = loop.time() + 0.02
    handles = [loop.call_at(t, note, i) for i in range(150)]
    for i in range(150):
        if i % 3:
            handles[i].cancel()
    await asyncio.sleep(0.05)
    print("many", *out)


asyncio.run(main())
