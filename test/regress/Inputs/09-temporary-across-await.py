import asyncio

# Twin of the C++ test: a C++ temporary is an object created before the await
# and destroyed (-name) after the call that uses it.


async def ticker():
    for i in range(20):
        print(f"  tick {i}")
        await asyncio.sleep(0)


async def get(v):
    print(f"get {v}")
    await asyncio.sleep(0)
    return v


async def word(w):
    await asyncio.sleep(0)
    return w


def use(a, v):
    print(f"use {a} {v}")


def use2(s, v, b):
    print(f"use2 {s} {v} {b}")


async def main_():
    t = asyncio.get_running_loop().create_task(ticker())
    print("-- argument")
    print("+arg")
    use("arg", await get(1))
    print("-arg")
    print("-- two temporaries around an await")
    v = await get(2)
    print("+last")
    use2("str", v, "last")
    print("-last")
    print("-- braced initialiser")
    v = ["a", await word("b"), "c"]
    print(f"v {''.join(v)}")
    print("-- end")
    t.cancel()


asyncio.run(main_())
