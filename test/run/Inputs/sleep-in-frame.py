import asyncio


async def ticker(name, n):
    sleep = 0
    for i in range(n):
        await asyncio.sleep(0)
        sleep += 1
        print(f"{name} tick {i}")
        await asyncio.sleep(-1.5)
    return sleep


async def stubborn(tag, delay):
    for round_ in range(3):
        try:
            await asyncio.sleep(delay)
            print(f"{tag} slept {round_}")
        except asyncio.CancelledError as e:
            print(f"{tag} cancelled in round {round_}: '{e}'")
            asyncio.current_task().uncancel()


async def main():
    a = asyncio.create_task(ticker("a", 3))
    b = asyncio.create_task(ticker("b", 2))
    print(f"ticks {await a} {await b}")

    y = asyncio.create_task(stubborn("yield", 0))
    t = asyncio.create_task(stubborn("timer", 0.01))
    await asyncio.sleep(0)
    y.cancel("stop yielding")
    t.cancel("stop waiting")
    await y
    await t

    loop = asyncio.get_running_loop()
    loop.call_later(0.02, lambda: print("call_later 0.02"))
    loop.call_later(0.005, lambda: print("call_later 0.005"))
    await asyncio.sleep(0.01)
    print("slept 0.01")
    await asyncio.sleep(0.02)
    print("slept 0.02 more")

    kept = asyncio.sleep(0)
    alone = asyncio.create_task(asyncio.sleep(0.001))
    await kept
    await asyncio.gather(alone, asyncio.create_task(asyncio.sleep(0)))
    print(f"done {int(alone.done())}")


asyncio.run(main())
