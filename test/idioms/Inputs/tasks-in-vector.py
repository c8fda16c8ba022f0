import asyncio

async def work(id_, rounds):
    for i in range(rounds):
        await asyncio.sleep(0)
        print(f"work {id_} round {i}")
    return id_ * 10

async def main_():
    tasks = [asyncio.create_task(work(i, 4 - i)) for i in range(1, 4)]
    total = 0
    for t in tasks:
        r = await t
        total += r
        print(f"collected {r} total {total}")
    batch = [work(7, 1), work(8, 2)]
    rs = await asyncio.gather(*batch)
    print(f"gathered {rs[0]} {rs[1]}")

asyncio.run(main_())
