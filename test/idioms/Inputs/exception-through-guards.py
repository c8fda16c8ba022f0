import asyncio

async def inner(who, fail_at):
    print(f"enter {who}.inner")
    try:
        for i in range(3):
            print(f"enter {who}.step{i}")
            try:
                await asyncio.sleep(0)
                if i == fail_at:
                    raise RuntimeError(f"{who} failed at {i}")
            finally:
                print(f"exit {who}.step{i}")
        return 3
    finally:
        print(f"exit {who}.inner")

async def outer(who, fail_at):
    print(f"enter {who}.outer")
    try:
        try:
            n = await inner(who, fail_at)
            print(f"{who} ok {n}")
        except Exception as e:
            print(f"{who} caught: {e}")
            await asyncio.sleep(0)
            print(f"{who} handled")
    finally:
        print(f"exit {who}.outer")

async def main_():
    a = asyncio.create_task(outer("a", 1))
    b = asyncio.create_task(outer("b", 7))
    await a
    await b

asyncio.run(main_())
