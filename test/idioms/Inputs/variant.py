import asyncio

async def parse(s):
    await asyncio.sleep(0)
    if "." in s:
        return float(s)
    if s and s[0].isdigit():
        return int(s)
    return s

IDX = {int: 0, float: 1, str: 2}

async def show(who, a, b):
    v = await parse(a)
    print(f"{who} first index {IDX[type(v)]}")
    w = await parse(b)
    if isinstance(w, str):
        print(f"{who} second str {w}")
    else:
        print(f"{who} second num {w:g}")
    if isinstance(v, int):
        print(f"{who} first int {v}")

async def main_():
    t1 = asyncio.create_task(show("a", "42", "hi"))
    t2 = asyncio.create_task(show("b", "2.5", "7"))
    await t1
    await t2

asyncio.run(main_())
