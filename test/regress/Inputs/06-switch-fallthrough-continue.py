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


async def step(what, n):
    print(f"{what} {n}")
    await asyncio.sleep(0)
    return n


async def run():
    total = 0
    for i in range(7):
        with Noisy(f"guard{i}"):
            c = i % 4
            if c == 0:
                total += await step("case 0", i)
            if c in (0, 1):
                total += 10 * await step("case 0 or 1", i)
            elif c == 2:
                await step("case 2, continue", i)
                continue
            else:
                print(f"default {i}")
            print(f"after switch {i} total {total}")
    return total


async def awaited_condition():
    seen = 0
    i = 0
    while i < 4:
        i += 1
        c = await step("condition", i % 3)
        if c == 0:
            print("zero")
            continue
        if c == 1:
            with Noisy(f"one{i}"):
                await step("in one", i)
                seen += 1
        seen += 100
        print(f"end of iteration {i} seen {seen}")
    return seen


async def main_():
    print(f"run -> {await run()}")
    print(f"awaited_condition -> {await awaited_condition()}")


asyncio.run(main_())
