import asyncio


def cpp_double(v):
    # std::to_string of a double: six decimals
    return f"{v:.6f}" if isinstance(v, float) else str(v)


async def next_box(v, step):
    print(f"next from {cpp_double(v)}")
    await asyncio.sleep(0)
    return v + step


async def total(v, n):
    kids = []
    for i in range(1, n + 1):
        kids.append(v * 10 + i)
        print(f"node {v} kid {kids[-1]}")
        await asyncio.sleep(0)
    return v + sum(kids)


async def main_coro():
    t = asyncio.create_task(total(7, 3))
    c = await next_box(4, 2)
    d = await next_box(0.5, 0.25)
    print(f"box {c} {cpp_double(d)}")
    print(f"total {await t}")


asyncio.run(main_coro())
