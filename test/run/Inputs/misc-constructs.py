import asyncio

async def get(v):
    await asyncio.sleep(0)
    return v
async def inner_get(v):
    await asyncio.sleep(0)
    return v + 1000
async def over(v, w=None):
    if w is None:
        return v + await get(1)
    return v + w + await get(2)
async def getvec(n):
    r = []
    for i in range(n):
        r.append(await get(i * i))
    return r
async def label(i, suffix="!"):
    if i == 0:
        return "zero" + suffix
    await asyncio.sleep(0)
    return str(i) + suffix
async def maybe(early):
    print("maybe start")
    if early:
        return
    await asyncio.sleep(0)
    print("maybe end")
async def nosuspend(x):
    return x * 2
def plain(a, b):
    return a * 100 + b

async def main_():
    for x in await getvec(4):
        print(f"vec {x}")
    print(f"ns {await get(5)} {await inner_get(5)}")
    print(f"over {await over(1)} {await over(1, 2)}")
    print(f"name {await label(0)} {await label(3)} {await label(4, '?')}")
    await maybe(True)
    await maybe(False)
    print(f"nosuspend {await nosuspend(21)}")
    c = get(77)
    print(f"lvalue coro {await c}")
    arr = [10, 20, 30]
    print(f"subscript {arr[await get(2)]}")
    print(f"plain {plain(await get(3), await get(4))}")
    acc = 1
    acc += await get(10)
    acc *= await get(3)
    print(f"acc {acc}")
    p, q = await asyncio.gather(get(8), label(9))
    print(f"bind {p} {q}")
    await asyncio.sleep(0)
    print(f"bind again {p} {q}")
    t = await asyncio.create_task(get(42))
    print(f"direct task {t}")
    k = 0
    while True:
        k += 1
        if not (await get(k) < 3):
            break
    print(f"k {k}")
    print("calls 1")

asyncio.run(main_())
