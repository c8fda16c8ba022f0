# The asyncio program test/run/streams-handler-error.cpp must print.
import asyncio


async def handler(reader, writer):
    data = await reader.readline()
    print(f"server got {len(data)} bytes")
    raise ValueError("handler failed")


async def main():
    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"hello\n")
    await writer.drain()
    try:
        got = await asyncio.wait_for(reader.read(100), 5)
        print(f"client got {len(got)} bytes")
    except TimeoutError:
        print("client timed out")
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
