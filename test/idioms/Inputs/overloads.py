import asyncio

async def show_int(x):
    await asyncio.sleep(0)
    return f"int {x}"

async def show_str(s):
    await asyncio.sleep(0)
    return f"str {s}"

async def show_two(a, b):
    left = await show_int(a)
    right = await show_int(b)
    return left + "," + right

async def say(who, a, b):
    r = await show_two(a, b)
    print(f"{who} {r}")
    print(f"{who} {await show_str(who)}")

async def main_():
    t1 = asyncio.create_task(say("a", 1, 2))
    t2 = asyncio.create_task(say("b", 3, 4))
    await t1
    await t2

asyncio.run(main_())
