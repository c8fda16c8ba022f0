import asyncio

table = {"a": 1, "b": 2}

async def bump(key):
    await asyncio.sleep(0)
    if key in table:
        table[key] += 10
        print(f"{key} bumped to {table[key]}")
    else:
        print(f"{key} missing")
    await asyncio.sleep(0)
    if key in table:
        return table[key]
    return -1

async def main_():
    a = asyncio.create_task(bump("a"))
    z = asyncio.create_task(bump("z"))
    ra = await a
    rz = await z
    print(f"results {ra} {rz}")

asyncio.run(main_())
