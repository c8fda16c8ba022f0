"""Workload 5, asyncio/uvloop: N timers (call_later) at random deadlines in
0-50 ms, the odd ones cancelled, the rest fired. ns per insert, cancel and
fire (CPU time of the loop while it fires them), lateness."""

import asyncio
import time

import common


async def timers(n):
    loop = asyncio.get_running_loop()
    rng = common.Lcg(42)
    delays = [rng.next() % 50000 for _ in range(n)]
    deadlines = [0] * n
    late = []
    firing = 0  # deadlines passed during the insert phase count from here
    expected = n - n // 2
    done = loop.create_future()
    total = 0

    def fired(i):
        nonlocal total
        due = max(deadlines[i], firing)
        late.append((time.perf_counter_ns() - due) / 1000)
        total += i
        if len(late) == expected:
            done.set_result(None)

    insert = common.Phase()
    handles = []
    for i in range(n):
        deadlines[i] = time.perf_counter_ns() + delays[i] * 1000
        handles.append(loop.call_later(delays[i] / 1e6, fired, i))
    insert.stop("insert", n)
    cancel = common.Phase()
    for i in range(1, n, 2):
        handles[i].cancel()
    cancel.stop("cancel", n // 2)
    firing = time.perf_counter_ns()
    cpu0 = time.process_time_ns()
    await done
    common.metric("fire", (time.process_time_ns() - cpu0) / expected, "ns")
    late.sort()
    common.metric("late_mean", sum(late) / len(late), "us")
    common.metric("late_p99", late[len(late) * 99 // 100], "us")
    return total


def main():
    _, n, _ = common.parse_args(["random"])
    common.checksum(common.run(timers(n)))


main()
