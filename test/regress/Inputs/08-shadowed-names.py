import asyncio


class Noisy:
    def __init__(self, n):
        self.n = n

    def __enter__(self):
        print(f"+{self.n}")
        return self

    def __exit__(self, *exc):
        print(f"-{self.n}")
        return False


async def shadows():
    total = 0
    for i in range(2):
        with Noisy(f"outer{i}") as v:
            k = 1000 * (i + 1)
            await asyncio.sleep(0)
            with Noisy(f"sibling1-{i}") as v1:
                k1 = 1
                await asyncio.sleep(0)
                print(f"sibling1 v={v1.n} k={k1}")
                total += k1
            with Noisy(f"sibling2-{i}") as v2:
                k2 = 2
                await asyncio.sleep(0)
                with Noisy(f"nested-{i}") as v3:
                    k3 = 3
                    await asyncio.sleep(0)
                    print(f"nested v={v3.n} k={k3}")
                    total += k3
                print(f"sibling2 v={v2.n} k={k2}")
                total += k2
            print(f"outer v={v.n} k={k}")
            total += k
    return total


async def twice(id):
    x = id
    await asyncio.sleep(0)
    print(f"task {id} first x {x}")
    x = id * 100
    await asyncio.sleep(0)
    print(f"task {id} second x {x}")


async def main_():
    print(f"shadows -> {await shadows()}")
    loop = asyncio.get_running_loop()
    a = loop.create_task(twice(1))
    b = loop.create_task(twice(2))
    await a
    await b


asyncio.run(main_())
