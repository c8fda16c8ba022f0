import asyncio


async def fetch(i):
    print(f"fetch {i}")
    await asyncio.sleep(0)
    if i < 0:
        raise RuntimeError(f"bad id {i}")
    return i * 10


class Sink:
    def __init__(self):
        self.count = 0

    def shift(self, v):
        print(f"sink {v}")
        self.count += 1
        return self


async def to_sink(*ids):
    sink = Sink()
    for i in ids:
        sink = sink.shift(await fetch(i))
    return sink.count


async def joined(*ids):
    out = ""
    for i in ids:
        out += str(await fetch(i))
    return out + "."


async def shifts(*ids):
    up = 1
    for i in ids:
        up <<= (await fetch(i)) // 10
    down = None
    for i in ids:
        v = (await fetch(i)) // 10
        down = v if down is None else down >> v
    return up * 1000 + down


async def main_coro():
    async def ticker():
        for i in range(8):
            print(f"tick {i}")
            await asyncio.sleep(0)

    tick = asyncio.create_task(ticker())
    print(f"count {await to_sink(1, 2, 3)}")
    print(f"joined {await joined(4, 5)}")
    print(f"joined {await joined()}")
    print(f"shifts {await shifts(1, 2, 0)}")
    print(f"shifts {await shifts(9)}")
    try:
        await to_sink(6, -1, 7)
    except RuntimeError as e:
        print(f"caught {e}")
    await tick


asyncio.run(main_coro())
