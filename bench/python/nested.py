"""Workload 3, asyncio/uvloop: nested awaits (see bench/cosm/nested.cpp).
await: N calls through DEPTH levels, 1% of leaves yield once; plain: the
same chain of plain functions; resume: one task at DEPTH yields N times."""

import asyncio

import common


async def leaf(i, yields):
    yielded = 0  # in the checksum: the resumes happened
    for _ in range(yields):
        await asyncio.sleep(0)
        yielded += 1
    if yields == 0 and i % 100 == 0:
        await asyncio.sleep(0)
    return i * 3 + yielded


def make_level(child):
    async def level(i, yields):
        return await child(i, yields) + 1

    return level


def make_plain(child):
    def plain(i):
        return child(i) + 1

    return plain


def plain_leaf(i):
    return i * 3


# Nine distinct levels above the leaf, as in the C++ programs.
LEVELS = [leaf]
PLAIN = [plain_leaf]
for _ in range(9):
    LEVELS.append(make_level(LEVELS[-1]))
    PLAIN.append(make_plain(PLAIN[-1]))


async def calls(n, depth):
    top = LEVELS[depth - 1]
    phase = common.Phase()
    total = 0
    for i in range(n):
        total += await top(i, 0)
    phase.stop("call", n)
    return total


async def resumes(n, depth):
    phase = common.Phase()
    total = await LEVELS[depth - 1](1, n)
    phase.stop("resume", n)
    return total


def main():
    variant, n, depth = common.parse_args(["await", "plain", "resume"])
    if depth not in (1, 10):
        raise SystemExit("DEPTH must be 1 or 10")
    if variant == "plain":
        top = PLAIN[depth - 1]
        phase = common.Phase()
        total = 0
        for i in range(n):
            total += top(i)
        phase.stop("call", n)
        common.checksum(total)
    else:
        common.checksum(common.run((calls if variant == "await" else resumes)(n, depth)))


main()
