import asyncio

class Noisy:
    def __init__(self, name):
        self.name = name
        print(f"enter {name}")
    def close(self):
        print(f"exit {self.name}")

async def shadows():
    x = 1
    await asyncio.sleep(0)
    print(f"first x {x}")
    x2 = 2
    await asyncio.sleep(0)
    x3 = 3
    await asyncio.sleep(0)
    print(f"inner x {x3}")
    print(f"second x {x2}")

async def guards():
    for i in range(5):
        outer = Noisy(f"outer {i}")
        try:
            await asyncio.sleep(0)
            inner = Noisy(f"inner {i}")
            try:
                await asyncio.sleep(0)
                if i == 0:
                    continue
                if i == 2:
                    break
            finally:
                inner.close()
            print(f"end of iteration {i}")
        finally:
            outer.close()
    last = Noisy("last")
    try:
        await asyncio.sleep(0)
        return 7
    finally:
        last.close()

async def main_():
    await shadows()
    r = await guards()
    print(f"guards returned {r}")

asyncio.run(main_())
