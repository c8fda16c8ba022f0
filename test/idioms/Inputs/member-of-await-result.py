import asyncio

async def text(who):
    await asyncio.sleep(0)
    return "text of " + who

async def user(who):
    await asyncio.sleep(0)
    return type("User", (), {"name": who})()

async def nums(base):
    await asyncio.sleep(0)
    return [base, base + 1, base + 2]

async def client(who, base):
    length = len(await text(who))
    name = (await user(who)).name
    second = (await nums(base))[1]
    print(f"{who} len {length} name {name} second {second}")

async def main_():
    a = asyncio.create_task(client("a", 10))
    b = asyncio.create_task(client("bob", 20))
    await a
    await b

asyncio.run(main_())
