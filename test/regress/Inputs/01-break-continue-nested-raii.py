import asyncio


class Noisy:
    """Twin of the C++ guard: __enter__ prints +name, __exit__ prints -name."""

    def __init__(self, n):
        self.n = n

    def __enter__(self):
        print(f"+{self.n}")
        return self

    def __exit__(self, *exc):
        print(f"-{self.n}")
        return False


async def ticker(n):
    for i in range(n):
        print(f"tick {i}")
        await asyncio.sleep(0)


async def for_loop():
    done = 0
    for i in range(5):
        with Noisy(f"outer{i}"):
            await asyncio.sleep(0)
            with Noisy(f"inner{i}"):
                await asyncio.sleep(0)
                if i == 1:
                    continue
                if i == 2:
                    break
                print(f"inner end {i}")
            print(f"outer end {i}")
        done += 1
    return done


async def while_loop():
    i = 0
    done = 0
    while True:
        i += 1
        with Noisy(f"w-outer{i}"):
            with Noisy(f"w-inner{i}"):
                await asyncio.sleep(0)
                if i < 3:
                    continue
                print(f"w breaking at {i}")
                break
        done += 1
    return done


async def main_():
    t = asyncio.get_running_loop().create_task(ticker(20))
    print(f"for_loop -> {await for_loop()}")
    print(f"while_loop -> {await while_loop()}")
    t.cancel()
    print("end")


asyncio.run(main_())
