import asyncio


class Counter:
    def __init__(self, name):
        self.name = name
        self.count = 0

    def bump(self, by):
        async def body():
            await asyncio.sleep(0)
            self.count += by
            print(f"{self.name} bumped by {by} to {self.count}")
            return self.count
        return body()


class Team:
    def __init__(self, name):
        self.name = name
        self.done = 0

    async def start(self, n, out):
        await asyncio.sleep(0)
        for i in range(n):
            async def member(i=i):
                await asyncio.sleep(0)
                self.done += 1
                print(f"{self.name} member {i} done ({self.done})")
            out.append(asyncio.create_task(member()))

        async def implicit():
            await asyncio.sleep(0)
            print(f"{self.name} implicit this, {self.done} done")
        out.append(asyncio.create_task(implicit()))
        print(f"{self.name} started {n}")


async def amain():
    shared = 0
    tasks = []
    for i in range(3):
        label = f"job{i}"

        async def job(label=label, i=i):
            nonlocal shared
            print(f"{label} starts")
            await asyncio.sleep(0)
            shared += i
            print(f"{label} sees shared={shared}")
            return i * 10
        tasks.append(asyncio.create_task(job()))
    for t in tasks:
        print(f"result {await t}")

    async def doubled(shared=shared):
        await asyncio.sleep(0)
        return shared * 2
    twice = await doubled()
    print(f"twice {twice}")

    async def show(value, tag):
        await asyncio.sleep(0)
        print(tag, value)
        return 1
    shown = await show(7, "int")
    shown += await show("2.500000", "double")
    print(f"shown {shown}")

    counter = Counter("c")
    a = asyncio.create_task(counter.bump(2))
    b = asyncio.create_task(counter.bump(3))
    print(f"counter {await a} {await b}")

    async def total_of(n):
        async def square(k):
            await asyncio.sleep(0)
            return k * k
        s = 0
        for k in range(1, n + 1):
            s += await square(k)
        return s
    total = await total_of(3)
    print(f"total {total}")
    team = Team("team")
    members = []
    await team.start(2, members)
    for t in members:
        await t
    print(f"team done {team.done}")


async def greet(who):
    await asyncio.sleep(0)
    print(f"hello {who}")


asyncio.run(greet("world"))
asyncio.run(amain())
