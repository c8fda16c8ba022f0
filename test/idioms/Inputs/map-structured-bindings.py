import asyncio

stock = {"apple": 3, "kiwi": 1, "pear": 5}

async def report(who):
    total = 0
    for name in sorted(stock):
        await asyncio.sleep(0)
        qty = stock[name]
        print(f"{who} {name}={qty}")
        total += qty
    return total

async def restock():
    for name in sorted(stock):
        stock[name] += 10
        await asyncio.sleep(0)
        print(f"restocked {name}")

async def main_():
    a = asyncio.create_task(report("r"))
    b = asyncio.create_task(restock())
    total = await a
    await b
    print(f"total seen {total}")

asyncio.run(main_())
