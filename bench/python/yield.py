"""Workload 1, asyncio/uvloop: N tasks x M yields through the loop (sleep(0))."""

import asyncio

import common


async def spinner(task_id, yields):
    acc = 0
    for i in range(yields):
        await asyncio.sleep(0)
        acc += task_id + i
    return acc


async def run_all(tasks, yields):
    everyone = [asyncio.create_task(spinner(t, yields)) for t in range(tasks)]
    steps = common.Phase()
    total = 0
    for t in everyone:
        total += await t
    steps.stop("step", tasks * yields)
    common.checksum(total)


def main():
    _, n, m = common.parse_args(["pingpong", "rr"])
    common.run(run_all(n, m))


main()
