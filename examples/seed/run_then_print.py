import asyncio

async def slow_square(x):
    print(f"squaring {x}...")
    await asyncio.sleep(0.01)
    return x * x

async def sum_of_squares():
    a = await slow_square(3)
    b = await slow_square(4)
    return a + b

result = asyncio.run(sum_of_squares())
print(f"cosm::run returned {result}")
