import asyncio

async def second(r):
    a = await r.read(8)
    print(f"second got '{a.decode()}'")
    b = await r.read(8)
    print(f"second got '{b.decode()}'")

async def amain():
    r = asyncio.StreamReader()
    loop = asyncio.get_running_loop()
    def first():
        asyncio.create_task(second(r))
        r.feed_data(b"ab")
    loop.call_soon(first)
    def later():
        r.feed_data(b"c-"); r.feed_eof()
    loop.call_later(0.01, later)
    try:
        z = await r.readuntil(b"-")
        print(f"main got '{z.decode()}'")
    except RuntimeError as e:
        print(f"main RuntimeError: {e}")

asyncio.run(amain())
