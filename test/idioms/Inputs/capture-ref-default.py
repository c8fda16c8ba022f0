import asyncio

async def accumulate(who, v):
    sum_ = 0
    trail = ""
    for x in v:
        sum_ += x
        trail += str(x)
        await asyncio.sleep(0)
        print(f"{who} sum {sum_} trail {trail}")
    return sum_ * 2

async def main_():
    a = asyncio.create_task(accumulate("a", [1, 2, 3]))
    b = asyncio.create_task(accumulate("b", [7, 8]))
    ra = await a
    rb = await b
    print(f"results {ra} {rb}")

asyncio.run(main_())
