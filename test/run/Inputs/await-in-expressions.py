import asyncio

async def val(tag, v):
    print(f"val {tag} {v}")
    await asyncio.sleep(0)
    return v

async def pred(tag, b):
    print(f"pred {tag} {int(b)}")
    await asyncio.sleep(0)
    return b

async def main_():
    print(f"sum {await val('a', 1) + await val('b', 2)}")
    x = await val("c", 3) * 10 + await val("d", 4) - 1
    print(f"x {x}")
    if await pred("p1", False) and await pred("p2", True):
        print("and1 true")
    else:
        print("and1 false")
    if await pred("p3", True) and await pred("p4", True):
        print("and2 true")
    if await pred("p5", True) or await pred("p6", False):
        print("or1 true")
    if await pred("p7", False) or await pred("p8", False):
        print("or2 true")
    else:
        print("or2 false")
    t = await val("yes", 1) if await pred("q", x > 30) else await val("no", 0)
    print(f"t {t}")
    u = await val("big", 2) if x > 100 else 5
    print(f"u {u}")
    b = await pred("r1", True) and (await pred("r2", False) or await pred("r3", True))
    print(f"b {int(b)}")
    w = 0
    while await val("w", w) < 3:
        w += 1
    print(f"w {w}")
    i = 0
    while i < await val("lim", 2):
        print(f"i {i}")
        i += 1
    s = await val("sw", 2)
    if s == 1:
        print("one")
    elif s == 2 or s == 3:
        if s == 2:
            print("two")
            await val("in-case", 22)
        print("three")
    else:
        print("default")
    print(f"nested {await val('outer', await val('inner', 5) + 1)}")

asyncio.run(main_())
