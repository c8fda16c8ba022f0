import asyncio

async def step(who, unused_param):
    await asyncio.sleep(0)
    print(f"{who} stepped")
    await asyncio.sleep(0)
    print(f"{who} again")
    return 1

async def main_():
    a = asyncio.create_task(step("a", 0))
    b = asyncio.create_task(step("b", 0))
    ra = await a
    rb = await b
    print(f"rb {rb}")

asyncio.run(main_())
