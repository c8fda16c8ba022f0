import asyncio

# C++ captures by value copy when the lambda is made: the twin passes the
# values it copies as arguments at that point.


async def names():
    state, finish = 1, 2
    await asyncio.sleep(0)
    outer = (lambda state, finish: lambda: state * 10 + finish)(state, finish)
    box = {}
    kept = (lambda state: lambda: state * 10 + box["finish"])(state)
    state, finish = 5, 7
    box["finish"] = finish
    print(f"names: {outer()} {kept()}")
    await asyncio.sleep(0)
    print(f"names: {kept()}")
    return state + finish


async def refs(x):
    k = x
    items = [x, x + 1]
    await asyncio.sleep(0)
    outer = (lambda k, r, n: lambda: k + r + n)(k, k, len(items))
    k = k + 100
    print(f"refs: {outer()} (k is {k})")
    copy = x

    def keep():
        nonlocal copy
        copy += 1
        return copy + k

    await asyncio.sleep(0)
    print(f"refs: {keep()}")
    k = 7
    await asyncio.sleep(0)
    print(f"refs: {keep()}")
    return k


async def amain():
    print(f"names -> {await names()}")
    print(f"refs -> {await refs(1)}")
    print(f"refs -> {await refs(2)}")


asyncio.run(amain())
