import asyncio


class Noisy:
    def __init__(self, n):
        self.n = n
        print(f"+{n}")

    def close(self):
        print(f"-{self.n}")


async def greet(who, times, by):
    await asyncio.sleep(0)
    for _ in range(times):
        print(f"hello {who} from {by.n}")
    return times


async def main_coro():
    by = Noisy("coro")
    try:
        n = await greet("world", 2, by)
    finally:
        by.close()
    print(f"greeted {n} times")
    by = Noisy("task")
    try:
        n = await asyncio.create_task(greet("task", 1, by))
    finally:
        by.close()
    print(f"greeted {n} time")


asyncio.run(main_coro())
