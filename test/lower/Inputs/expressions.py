import asyncio
a = 2
async def f():
    global a
    a = 100
    await asyncio.sleep(0)
    return 3
async def g():
    await asyncio.sleep(0)
    return 4
def k():
    print("k"); return 1
async def m():
    print("m"); await asyncio.sleep(0); return 2
def h(x, y): return x * 10 + y
def p(v):
    print(f"p {int(v)}"); return v
async def q():
    print("q"); await asyncio.sleep(0); return True
async def ca():
    print("ca"); await asyncio.sleep(0); return 5
def cb():
    print("cb"); return 6
counter = 0
async def next_():
    global counter
    await asyncio.sleep(0)
    c = counter; counter += 1; return c
def use(s, v): print(f"use {s} {v}")
async def fails(v):
    await asyncio.sleep(0)
    if v > 1: raise RuntimeError(f"boom {v}")
    return v
async def main_():
    print(f"printf {await g()}")
    x = a * await f()
    print(f"x {x} a {a}")
    x += await g()
    print(f"x {x}")
    print(f"h {h(k(), await m())}")
    if p(False) and await q(): print("yes")
    else: print("no")
    if p(True) and await q(): print("yes")
    else: print("no")
    for c in range(2): print(f"ternary {await ca() if c else cb()}")
    while await next_() < 3: print("loop")
    use("temp", await g())
    s = await g() + await f() * 2
    print(f"sum {s}")
    for i in range(3):
        try:
            v = await fails(i)
            print(f"ok {v}")
        except RuntimeError as e:
            print(f"caught {e}")
    t = asyncio.create_task(fails(5))
    try:
        await t
    except Exception as e:
        print(f"task failed: {e}")
asyncio.run(main_())
