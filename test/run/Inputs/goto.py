import asyncio


class Noisy:
    def __init__(self, name):
        self.name = name
        print("make", name)

    def drop(self):
        print("drop", self.name)


async def echo(tag, i):
    print(f"{tag} echo {i}")
    await asyncio.sleep(0)
    return i


async def jumps(tag):
    tries = 0
    outer = Noisy(tag + "-outer")
    try:
        while True:  # again:
            each = Noisy(f"{tag}-try{tries}")
            if await echo(tag, tries) < 2:
                tries += 1
                each.drop()
                continue
            break
        try:
            inner = Noisy(tag + "-inner")
            try:
                for i in range(5):
                    step = Noisy(f"{tag}-step{i}")
                    try:
                        await echo(tag, 10 + i)
                        if i == 1:
                            break  # goto out
                    finally:
                        step.drop()
            finally:
                inner.drop()
            print(f"{tag} out")
            if not tries > 0:
                await echo(tag, -1)
            print(f"{tag} at resume_1")
            try:
                guarded = Noisy(tag + "-guarded")
                try:
                    await echo(tag, 20)
                    if tag == "B":
                        raise RuntimeError(tag + " failed")
                finally:
                    guarded.drop()
            except RuntimeError as e:
                print(f"{tag} caught {e}")
                await echo(tag, 21)
            print(f"{tag} done")
            return tries
        finally:
            each.drop()
    finally:
        outer.drop()


async def main():
    one = asyncio.create_task(jumps("A"))
    two = asyncio.create_task(jumps("B"))
    a = await one
    b = await two
    print("results", a, b)


asyncio.run(main())
