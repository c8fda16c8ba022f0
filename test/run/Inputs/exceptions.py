import asyncio

async def fail_after(n):
    await asyncio.sleep(0)
    if n > 2:
        raise RuntimeError(f"too big: {n}")
    return n * 10

async def middle(n):
    v = 0
    try:
        v = await fail_after(n)
        print(f"middle got {v}")
    except RuntimeError as e:
        print(f"middle caught {e}")
        v = -1
    return v

async def thrower():
    await asyncio.sleep(0.01)
    raise RuntimeError("task failed")

async def main_():
    for i in range(1, 5):
        r = await middle(i)
        print(f"r={r}")
    t = asyncio.create_task(thrower())
    try:
        await t
        print("not reached")
    except Exception as e:
        print(f"main caught {e}")
    try:
        x = await fail_after(5)
        print(f"x={x}")
    except RuntimeError as e:
        print(f"direct caught {e}")
    print("end")

asyncio.run(main_())
