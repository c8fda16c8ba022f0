import asyncio

async def docs(who):
    plain = "call cosm::await(x) to wait"
    await asyncio.sleep(0)
    raw = r'cosm::await(cosm::sleep(1)); "quoted" \n'
    delim = 'x = cosm::await(get()) + 1; )" '
    await asyncio.sleep(0)
    print(f"{who} | {plain} | {raw} | {delim}")
    return len(plain) + len(delim)

async def main_():
    a = asyncio.create_task(docs("a"))
    b = asyncio.create_task(docs("b"))
    n = await a + await b
    print(f"n {n}")

asyncio.run(main_())
