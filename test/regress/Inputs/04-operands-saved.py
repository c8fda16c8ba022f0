import asyncio

# Twin of the C++ test. `x += await g(x)` is written as two statements:
# C++17 sequences the right operand of a compound assignment first, while
# Python reads x before the await.


class Cell:
    def __init__(self, v):
        self.v = v


async def changer(target, value):
    print(f"changer sets {value}")
    target.v = value
    await asyncio.sleep(0)


async def f():
    print("f")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return 3


async def g(x):
    print("g")
    await asyncio.sleep(0)
    x.v = 1000
    return 4


def k():
    print("k")
    return 1


async def m():
    print("m")
    await asyncio.sleep(0)
    return 2


def h(u, v):
    print(f"h({u}, {v})")
    return u * 10 + v


class Acc:
    def __init__(self):
        self.total = 0

    def add(self, v):
        print(f"add {v}")
        self.total += v
        return self


async def main_():
    a = Cell(2)
    t = asyncio.get_running_loop().create_task(changer(a, 50))
    x = Cell(0)
    x.v = a.v * await f()
    print(f"x {x.v} a {a.v}")
    r = await g(x)
    x.v += r
    print(f"x {x.v}")
    print(f"h -> {h(k(), await m())}")
    acc = Acc()
    acc.add(k()).add(await m()).add(await f())
    print(f"acc {acc.total}")
    await t


asyncio.run(main_())
