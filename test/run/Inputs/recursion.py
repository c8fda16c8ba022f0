import asyncio
async def fact(n):
    if n <= 1:
        return 1
    return n * await fact(n - 1)
async def main_():
    print(await fact(5))
asyncio.run(main_())
