# The asyncio twin of macro-statements.cpp: the C++ macros quote their
# argument; here the quoted text is written out.
import asyncio


async def num(v):
    await asyncio.sleep(0)
    return v


async def checks():
    state = await num(3)
    name = "box"
    assert state < 10
    if not state > 5:
        print("ensure failed: state > 5")
    print(f"name.size() = {len(name)}")
    await asyncio.sleep(0)
    try:
        if not state > 5:
            raise ValueError("state > 5")
    except ValueError as e:
        print(f"caught {e}")
    print(f"state + ref = {state + state}")
    state = 7
    print(f"state = {state}")


asyncio.run(checks())
