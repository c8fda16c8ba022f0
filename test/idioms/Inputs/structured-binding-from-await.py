import asyncio

async def check(x):
    await asyncio.sleep(0)
    return x > 0, x * 2

async def get(path):
    await asyncio.sleep(0)
    return (200 if path == "/" else 404), "body of " + path

async def client(who, x, path):
    ok, value = await check(x)
    code, body = await get(path)
    await asyncio.sleep(0)
    print(f"{who} ok {int(ok)} value {value} code {code} body {body}")

async def main_():
    a = asyncio.create_task(client("a", 3, "/"))
    b = asyncio.create_task(client("b", -1, "/x"))
    await a
    await b

asyncio.run(main_())
