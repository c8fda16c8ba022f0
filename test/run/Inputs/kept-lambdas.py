import asyncio


class Tracer:
    def __init__(self, name):
        self.name = name
        print(f"make {name}")

    def drop(self):
        print(f"drop {self.name}")


class Account:
    def __init__(self):
        self.balance = 0

    async def deposit(self, amount):
        def report(when):
            print(f"{when}: balance {self.balance}")
        report("before")
        await asyncio.sleep(0)
        self.balance += amount
        report("after")
        return self.balance


def fmt(v):
    return f"{v:f}" if isinstance(v, float) else str(v)


async def worker(tag):
    hits = 0
    prefix = tag + ":"
    calls = [0]

    def count():
        calls[0] += 1
        return calls[0]

    def hit():
        nonlocal hits
        hits += 1
        return hits
    both = prefix + str(hits)  # [=] copies when the lambda is made
    print(f"{prefix} say 1")
    await asyncio.sleep(0)
    hit()
    print(f"{prefix} say {hit()}")
    print(f"{tag} both={both} all={prefix + str(hits)} count={count()} "
          f"fmt={fmt(2.5)} twice={2 * 21} half={9 // 2} cc=100")
    await asyncio.sleep(0)
    first = count()
    second = count()
    print(f"{tag} count={first} count={second} fmt={fmt(7)}")
    t = Tracer(tag + "-tracer")
    await asyncio.sleep(0)
    print(f"{tag} keeps {len(t.name)}")
    t.drop()
    for i in range(2):
        await asyncio.sleep(0)
        print(f"{tag} step {i}")


async def through_function():
    total = 0

    def add(k):
        nonlocal total
        total += k

    async def slow(k):
        await asyncio.sleep(0)
        add(k)
        return k

    a = await slow(1)
    b = await slow(2)
    add(3 * 10)
    return a + b + total


async def amain():
    a = asyncio.create_task(worker("a"))
    b = asyncio.create_task(worker("b"))
    await a
    await b
    account = Account()
    print(f"deposit -> {await account.deposit(5)}")
    print(f"through_function -> {await through_function()}")


asyncio.run(amain())
