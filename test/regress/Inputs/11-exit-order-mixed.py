import asyncio
from contextlib import contextmanager


@contextmanager
def G(name):
    print(f"+{name}")
    try:
        yield
    finally:
        print(f"-{name}")


async def loops(mode):
    n = 0
    for i in range(3):
        with G(f"l1.{i}"):
            await asyncio.sleep(0)
            with G(f"l2.{i}"):
                with G(f"l3.{i}"):
                    if mode == 0 and i == 0:
                        continue
                    if mode == 1 and i == 1:
                        break
                    if mode == 2 and i == 1:
                        return -1
                    if mode == 3 and i == 1:
                        raise RuntimeError("boom")
                n += 1
    return n


async def mixed(mode):
    with G("a"):
        with G("b"):
            await asyncio.sleep(0)
            with G("c"):
                if mode == 0:
                    return
                if mode == 1:
                    raise RuntimeError("mixed")
            with G("d"):
                if mode == 2:
                    return
        with G("e"):
            pass


async def parked(tag):
    with G(f"{tag}.x"):
        await asyncio.sleep(0)
        with G(f"{tag}.y"):
            with G(f"{tag}.z"):
                await asyncio.sleep(10)


async def main():
    for mode in range(4):
        print(f"loops({mode})")
        try:
            print(f"-> {await loops(mode)}")
        except RuntimeError as e:
            print(f"caught {e}")
    for mode in range(4):
        print(f"mixed({mode})")
        try:
            await mixed(mode)
        except RuntimeError as e:
            print(f"caught {e}")
    t = asyncio.create_task(parked("cancelled"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled")
    left = asyncio.create_task(parked("left"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main done")


asyncio.run(main())
