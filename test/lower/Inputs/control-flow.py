import asyncio

async def tick(who, n):
    print(f"{who} {n}")
    await asyncio.sleep(0)
    return n

async def branches(n):
    if n % 2 == 0:
        await tick("even", n)
    elif n % 3 == 0:
        await tick("three", n)
    else:
        await tick("odd", n)

async def loops():
    i = 0
    while i < 3:
        await tick("while", i)
        i += 1
    for j in range(5):
        if j == 1:
            continue
        if j == 3:
            break
        await tick("for", j)
    k = 0
    while True:
        await tick("do", k)
        k += 1
        if not k < 2:
            break
    for outer in range(3):
        for inner in range(3):
            got = await tick("nested", outer * 10 + inner)
            if got == 11:
                return got
            if inner == 1:
                break
    return -1

async def other():
    for i in range(4):
        await tick("other", i)

async def main_():
    t = asyncio.create_task(other())
    for n in range(1, 5):
        await branches(n)
    r = await loops()
    print(f"loops returned {r}")
    await t

asyncio.run(main_())
