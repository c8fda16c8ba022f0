import asyncio

class Item:
    def __init__(self, name, qty):
        self.name, self.qty = name, qty

async def make(name, qty):
    await asyncio.sleep(0)
    print(f"made {name}")
    return Item(name, qty)

async def order(name, qty):
    it = await make(name, qty)
    await asyncio.sleep(0)
    print(f"order {it.name} x{it.qty}")
    return it.qty

async def main_():
    a = asyncio.create_task(order("apple", 3))
    b = asyncio.create_task(order("pear", 4))
    ra = await a
    rb = await b
    print(f"total {ra + rb}")

asyncio.run(main_())
