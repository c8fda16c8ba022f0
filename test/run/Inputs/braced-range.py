import asyncio


class Noisy:
    def __init__(self, v):
        self.v = v
        print(f"make {v}")

    def drop(self):
        print(f"drop {self.v}")


def drop_all(items):
    # C++ destroys a braced list's elements in reverse when the loop ends.
    for n in reversed(items):
        n.drop()


async def echo(tag, x):
    await asyncio.sleep(0)
    print(f"{tag} echo {x}")
    return x


async def walk(tag, base):
    total = 0
    for v in [base, base + 1, base + 2]:
        total += await echo(tag, v)
    for word in [tag + "-x", tag + "-y"]:
        await asyncio.sleep(0)
        print(f"{tag} word {word}")
    items = [Noisy(base * 10), Noisy(base * 10 + 1), Noisy(base * 10 + 2)]
    try:
        for n in items:
            if n.v % 10 == 0:
                continue
            total += await echo(tag, n.v)
            if n.v % 10 == 1:
                break
    finally:
        drop_all(items)
    for w in [await echo(tag, 100), 200]:
        await asyncio.sleep(0)
        total += w
    return total


async def fail_midway():
    try:
        items = [Noisy(7), Noisy(8)]
        try:
            for n in items:
                await asyncio.sleep(0)
                if n.v == 8:
                    raise RuntimeError("eight")
                print(f"passed {n.v}")
        finally:
            drop_all(items)
    except Exception as e:
        print(f"caught {e}")


async def main():
    a = asyncio.create_task(walk("A", 1))
    b = asyncio.create_task(walk("B", 5))
    ta = await a
    tb = await b
    print(f"totals {ta} {tb}")
    await fail_midway()


asyncio.run(main())
