import asyncio

async def relay(value, who, rvalue):
    await asyncio.sleep(0)
    print(f"{who} relaying")
    print(f"sink {'rvalue' if rvalue else 'lvalue'} {value}")
    return 1

async def main_():
    a = asyncio.create_task(relay("kept", "a", False))
    b = asyncio.create_task(relay("moved", "b", True))
    n = await a + await b
    print(f"n {n} kept 'kept' moved ''")

asyncio.run(main_())
