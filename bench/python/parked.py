"""Workload 4, asyncio/uvloop: N tasks parked on one Event, then all woken.
Bytes per parked task (RSS growth) and ns per wake."""

import asyncio
import time

import common


async def parked(event, task_id):
    await event.wait()
    return task_id


async def park_all(n):
    event = asyncio.Event()
    rss0 = common.rss_bytes()
    everyone = [asyncio.create_task(parked(event, i)) for i in range(n)]
    await asyncio.sleep(0)  # every task runs up to its wait()
    common.metric("task_rss_bytes", (common.rss_bytes() - rss0) / n, "bytes")
    start = time.process_time_ns()
    event.set()
    total = 0
    for t in everyone:
        total += await t
    common.metric("wake", (time.process_time_ns() - start) / n, "ns")
    return total


def main():
    _, n, _ = common.parse_args(["event"])
    common.checksum(common.run(park_all(n)))


main()
