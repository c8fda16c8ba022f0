import asyncio
async def main_():
    loop = asyncio.get_running_loop()
    x = 1
    await asyncio.sleep(0)
    def a():
        nonlocal x
        print(f"A {x}"); x = 2
    def b():
        nonlocal x
        print(f"B {x}"); x = 3
    loop.call_soon(a)
    loop.call_soon(b)
    v = x
    loop.call_soon(lambda: print(f"C {v}"))
    await asyncio.sleep(0)
    print(f"x {x}")
    await asyncio.sleep(0)
asyncio.run(main_())
