"""What every Python peer shares: the command line, the output protocol of
bench/common/bench.hpp, and the loop (asyncio's, or uvloop's with --uvloop)."""

import asyncio
import sys
import time

MASK = (1 << 64) - 1


def parse_args(variants):
    """VARIANT N [M] [--uvloop]; exits with a usage line on anything else."""
    argv = [a for a in sys.argv[1:] if a != "--uvloop"]
    if len(argv) < 2 or argv[0] not in variants:
        sys.exit("usage: %s {%s} N [M] [--uvloop]" % (sys.argv[0], "|".join(variants)))
    nums = [int(a) for a in argv[1:3]]
    if any(n <= 0 for n in nums):
        sys.exit("%s: N and M must be positive integers" % sys.argv[0])
    return argv[0], nums[0], (nums[1] if len(nums) > 1 else 0)


def run(main):
    """asyncio.run(main), on a uvloop loop when --uvloop was given."""
    if "--uvloop" in sys.argv:
        import uvloop

        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            return runner.run(main)
    return asyncio.run(main)


def metric(name, value, unit):
    print("metric %s %.6g %s" % (name, value, unit))


def checksum(value):
    print("checksum %d" % (value & MASK))


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096


class Phase:
    """CPU ns per op between construction and stop(), as bench.hpp's Phase
    (no allocation count: CPython's allocator is not instrumented)."""

    def __init__(self):
        self.start = time.process_time_ns()

    def stop(self, name, ops):
        metric(name, (time.process_time_ns() - self.start) / ops, "ns")


class Lcg:
    """The 64-bit LCG of bench.hpp: the same random deadlines everywhere."""

    def __init__(self, seed):
        self.x = seed

    def next(self):
        self.x = (self.x * 6364136223846793005 + 1442695040888963407) & MASK
        return self.x >> 33
