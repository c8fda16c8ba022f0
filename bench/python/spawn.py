"""Workload 2, asyncio/uvloop: N trivial tasks created and awaited, one at a
time (one) or all created first, then awaited in order (burst)."""

import asyncio

import common


async def trivial(i):
    return i * 2 + 1


async def one_at_a_time(n):
    spawn = common.Phase()
    total = 0
    for i in range(n):
        total += await asyncio.create_task(trivial(i))
    spawn.stop("task", n)
    return total


async def burst(n):
    spawn = common.Phase()
    everyone = [asyncio.create_task(trivial(i)) for i in range(n)]
    total = 0
    for t in everyone:
        total += await t
    spawn.stop("task", n)
    return total


def main():
    variant, n, _ = common.parse_args(["one", "burst"])
    common.checksum(common.run((one_at_a_time if variant == "one" else burst)(n)))


main()
