import asyncio


class Boom(RuntimeError):
    def __init__(self, what, id):
        super().__init__(what)
        self.id = id


first_seen = None


async def fail(id):
    await asyncio.sleep(0)
    raise Boom(f"boom {id}", id)


async def note(s):
    print(f"note: {s}")
    await asyncio.sleep(0)


async def rethrower():
    global first_seen
    try:
        await fail(1)
    except RuntimeError as e:
        first_seen = e
        await note(f"handling {e}")
        print(f"handler still sees '{e}'")
        raise


async def skipper():
    handled = 0
    for i in range(4):
        try:
            if i != 3:
                await fail(10 + i)
            print(f"no failure at {i}")
        except Boom as e:
            await note(str(e))
            handled += 1
            if i < 2:
                continue
            print(f"handler falls through at {i}")
        print(f"after try at {i}")
    try:
        raise Boom("fresh", 99)
    except Boom as e:
        await note(str(e))
        print(f"fresh id {e.id}")
    return handled


async def main_():
    try:
        await rethrower()
        print("not reached")
    except Boom as e:
        print(f"main caught Boom id {e.id} '{e}' same object {'yes' if e is first_seen else 'no'}")
    print(f"skipper -> {await skipper()}")


asyncio.run(main_())
