import asyncio


class N:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print(f"~{self.name}")


async def findings(n):
    with N("a"):
        await asyncio.sleep(0)
        total = sum(len(s) for s in ["ab", "cde"])
        one, twice = 1, 2 * n
        k = 3
        times = lambda x: x * k
        p = (one, twice)
        await asyncio.sleep(0)
        print(f"{total} {times(p[0] + p[1])} anon box {p[1]} const!")
        return total + p[1]


async def main():
    print(f"-> {await findings(10)}")
    print(f"-> {await findings(20)}")


asyncio.run(main())
