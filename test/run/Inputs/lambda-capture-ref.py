import asyncio
async def main_():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0)
    loop.call_soon(lambda: loop.call_soon(lambda: print("nested")))
    def explicit():
        print("explicit")
        loop.call_soon(lambda: print("nested2"))
    loop.call_soon(explicit)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
asyncio.run(main_())
