import asyncio, math

async def napper(tag, d):
    print(f"{tag} start")
    await asyncio.sleep(d)
    print(f"{tag} woke")

async def forever():
    try:
        await asyncio.sleep(1e300)
        print("forever woke")
    except asyncio.CancelledError as e:
        print(f"forever cancelled: '{e}'")
        raise

async def amain():
    a = asyncio.create_task(napper("nan", math.nan))
    b = asyncio.create_task(napper("zero", 0))
    c = asyncio.create_task(napper("neg-inf", -math.inf))
    d = asyncio.create_task(napper("tiny", 1e-9))
    f = asyncio.create_task(forever())
    for i in range(4):
        print(f"main pass {i}")
        await asyncio.sleep(0)
    await a; await b; await c; await d
    f.cancel("enough")
    try:
        await f
    except asyncio.CancelledError:
        print("main saw forever cancelled")

asyncio.run(amain())
