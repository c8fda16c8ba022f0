# The asyncio twin of dependent-auto.cpp: a Noisy prints when it is made
# and when its scope ends (the C++ destructor).
import asyncio


async def seven(who):
    print(f"{who}: seven")
    await asyncio.sleep(0)
    return 7


async def plus_one(a):
    x = await a
    await asyncio.sleep(0)
    return x + 1


async def walk(items, stop):
    copy = list(items)
    count = len(copy)
    first = copy[0]
    print(f"make walk {stop}")
    try:
        total = 0
        await asyncio.sleep(0)
        print(f"walk {count} items, first {len(first)}")
        for e in copy:
            twice = len(e) * 2
            print(f"make {e}")
            try:
                await asyncio.sleep(0)
                if twice == stop:
                    break
                total += twice
            finally:
                print(f"drop {e}")
        for e in copy:
            await asyncio.sleep(0)
            if len(e) == stop:
                return -total
        for i in range(len(copy)):
            await asyncio.sleep(0)
            copy[i] += "!"
        print(f"last {copy[-1]}, items unchanged: {items[-1]}")
        return total
    finally:
        print(f"drop walk {stop}")


async def chain(seed, fail):
    first = seed
    second = first + "+"
    print(f"make {second}")
    try:
        await asyncio.sleep(0)
        if fail:
            raise RuntimeError("chain " + second)
        print(f"chain {first} {second}")
    finally:
        print(f"drop {second}")


async def main():
    print(f"coroutine {await plus_one(seven('inline'))}")
    task = asyncio.create_task(seven("task"))
    print(f"task {await plus_one(task)}")
    future = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(future.set_result, 41)
    print(f"future {await plus_one(future)}")

    items = ["ab", "abc", "abcd"]
    print(f"walk -> {await walk(items, 6)}")
    print(f"walk -> {await walk(items, 4)}")
    print(f"walk -> {await walk(items, 99)}")

    await chain("n", False)
    try:
        await chain("m", True)
    except RuntimeError as e:
        print(f"caught {e}")

    async def scale(v, k):
        product = v * k
        await asyncio.sleep(0)
        return int(product)

    print(f"lambda {await scale(3, 4)} {await scale(2.5, 2)}")

    async def made(empty):
        await asyncio.sleep(0)
        return "" if empty else "xxx"

    s = await made(False)
    print(f"made '{s}' '{await made(True)}'")
    tasks = [asyncio.create_task(seven("first")), asyncio.create_task(seven("second"))]
    total = 0
    for t in tasks:
        total += await t
    print(f"sum {total}")

    async def waiter(awaitable):
        return await awaitable + 1

    print(f"waiter {await waiter(seven('coro'))}")
    print(f"waiter {await waiter(asyncio.create_task(seven('tasked')))}")


asyncio.run(main())
