import asyncio


class Noisy:
    def __init__(self, name):
        self.name = name
        print("make", name)

    def drop(self):
        print("drop", self.name)

    def __bool__(self):
        return "stop" not in self.name


async def echo(tag, i):
    print(f"{tag} echo {i}")
    await asyncio.sleep(0)
    return i


async def word(tag, i):
    await asyncio.sleep(0)
    return tag + (f"-w{i}" if i < 3 else "-stop")


async def walk(tag):
    n = Noisy(tag + "-if")
    try:
        if await echo(tag, 1) == 2:
            print(f"{tag} then {n.name}")
        else:
            await echo(tag, 0)
            print(f"{tag} else {n.name}")
    finally:
        n.drop()
    v = await echo(tag, 7)
    if v:
        print(f"{tag} v={v}")
    n = Noisy(await word(tag, 5))
    try:
        if n:
            print(f"{tag} not reached")
        else:
            await echo(tag, 0)
            print(f"{tag} else {n.name}")
    finally:
        n.drop()
    s = Noisy(tag + "-switch")
    try:
        if await echo(tag, 2) == 2:
            print(f"{tag} two {s.name}")
            await echo(tag, 0)
        else:
            print(f"{tag} other")
    finally:
        s.drop()
    k = await echo(tag, 3)
    if k == 3:
        await echo(tag, k)
        print(f"{tag} k={k}")
    i = 0
    while True:
        n = Noisy(await word(tag, i))
        try:
            if not n:
                break
            i += 1
            if i == 2:
                print(f"{tag} continue at {n.name}")
                continue
            await echo(tag, i)
            print(f"{tag} body {n.name}")
        finally:
            n.drop()
    j = 0
    while True:
        n = Noisy(await word(tag, j))
        try:
            if not n:
                break
            if j != 1:
                print(f"{tag} for body {n.name}")
                if j == 2:
                    break
            j += 1
            print(f"{tag} inc {j}")
        finally:
            n.drop()
    a = await echo(tag, 10)
    b = await echo(tag, 20) + a
    c = Noisy(tag + "-c")
    try:
        d = Noisy(await word(tag, b))
        try:
            print(f"{tag} a={a} b={b} {c.name} {d.name}")
        finally:
            d.drop()
    finally:
        c.drop()


async def main():
    one = asyncio.create_task(walk("A"))
    two = asyncio.create_task(walk("B"))
    await one
    await two


asyncio.run(main())
