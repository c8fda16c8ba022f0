"""The asyncio echo server the benchmark compares with: the same program as
examples/echo/echo_server.cpp (streams, read(65536), write, drain)."""
import asyncio
import sys


async def echo(reader, writer):
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    writer.close()


async def serve(port):
    server = await asyncio.start_server(echo, "127.0.0.1", port)
    print(f"listening on {server.sockets[0].getsockname()[1]}", flush=True)
    await server.serve_forever()


asyncio.run(serve(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
