import asyncio

async def get(v):
    print(f"get {v}")
    await asyncio.sleep(0)
    return v

async def main_():
    print("+t2")
    try:
        # C++ destroys the temporary at the end of the full-expression, which
        # includes the printf.
        v = 2 + await get(2)
        print(f"len {v}")
    finally:
        print("-t2")
    await get(4)
    c = await get(5)
    print(f"c {c}")

asyncio.run(main_())
