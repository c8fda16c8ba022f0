import asyncio
import enum

async def machine(who, steps):
    class Phase(enum.IntEnum):
        Idle = 0
        Busy = 1
        Done = 2
    phase = Phase.Idle
    for i in range(steps):
        await asyncio.sleep(0)
        phase = Phase.Busy if i + 1 < steps else Phase.Done
        print(f"{who} step {i} phase {int(phase)}")
    if phase == Phase.Done:
        print(f"{who} done")

async def main_():
    a = asyncio.create_task(machine("a", 2))
    b = asyncio.create_task(machine("b", 3))
    await a
    await b

asyncio.run(main_())
