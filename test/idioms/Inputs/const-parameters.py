import asyncio

async def measure(id_, label, v, tag):
    first = v[0] if v else -1
    await asyncio.sleep(0)
    print(f"{tag} {id_} {label} first {first} size {len(v)}")
    await asyncio.sleep(0)
    return id_ + first

async def main_():
    a = asyncio.create_task(measure(1, "alpha", [4, 5], "A"))
    b = asyncio.create_task(measure(2, "alpha", [4, 5], "B"))
    rc = await measure(3, "gamma", [9], "C")
    ra = await a
    rb = await b
    print(f"results {ra} {rb} {rc}")

asyncio.run(main_())
