import asyncio

finished = 0

async def background(name, rounds):
    global finished
    for i in range(rounds):
        await asyncio.sleep(0)
        print(f"{name} round {i}")
    finished += 1

async def main_():
    keep = [asyncio.create_task(background("solo", 2))]
    for k in range(2):
        keep.append(asyncio.create_task(background(f"loop{k}", 1)))
    for i in range(4):
        await asyncio.sleep(0)
        print(f"main {i} finished {finished}")

asyncio.run(main_())
