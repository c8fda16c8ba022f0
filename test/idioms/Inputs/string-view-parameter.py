import asyncio

async def words(text, who):
    n = 0
    for word in text.split(" "):
        await asyncio.sleep(0)
        print(f"{who} word {word}")
        n += 1
    return n

async def main_():
    a = asyncio.create_task(words("to be or", "a"))
    b = asyncio.create_task(words("not", "b"))
    ra = await a
    rb = await b
    print(f"counts {ra} {rb}")

asyncio.run(main_())
