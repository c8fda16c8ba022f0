import asyncio

async def hold(who):
    rounds = 0
    while True:
        await asyncio.sleep(0)
        rounds += 1
        print(f"{who} round {rounds} owns 1")
        await asyncio.sleep(0)
        print(f"{who} moved owns 1 old 0")
        if rounds == 2:
            break
    print(f"{who} free 1")
    return rounds

async def main_():
    a = asyncio.create_task(hold("a"))
    b = asyncio.create_task(hold("b"))
    ra = await a
    rb = await b
    print(f"results {ra} {rb}")

asyncio.run(main_())
