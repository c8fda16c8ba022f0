import asyncio

class Registry:
    def __init__(self):
        self.names = []
        print("registry built")

reg = None

async def enroll(who):
    global reg
    print(f"{who} before wait")
    await asyncio.sleep(0)
    if reg is None:
        reg = Registry()
    reg.names.append(who)
    await asyncio.sleep(0)
    print(f"{who} enrolled, {len(reg.names)} so far")
    return len(reg.names)

async def main_():
    pending = enroll("early")
    print("made a coroutine")
    a = asyncio.create_task(enroll("a"))
    b = asyncio.create_task(pending)
    ra = await a
    rb = await b
    print(f"results {ra} {rb}")

asyncio.run(main_())
