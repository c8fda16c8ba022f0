import asyncio
import socket
import struct

passes = 0
go = None


def tick():
    global passes
    passes += 1
    asyncio.get_running_loop().call_soon(tick)


async def handle(reader, writer):
    what = (await reader.readline()).decode().strip()
    if what == "half":
        writer.write(b"abc")
    elif what == "reset":
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    elif what == "slow":
        await go.wait()
        writer.write(b"late\n")
    elif what == "big":
        writer.write(b"x" * 40 + b"\ntail\n" + b"y" * 40)
    writer.close()


async def connect(port, what, limit=2**16):
    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=limit)
    writer.write(what.encode() + b"\n")
    return reader, writer


async def main_():
    global go
    go = asyncio.Event()
    asyncio.get_running_loop().call_soon(tick)
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]

    reader, writer = await connect(port, "half")
    p0 = passes
    try:
        await reader.readexactly(10)
    except asyncio.IncompleteReadError as e:
        print(f"half: IncompleteReadError {e}, partial {e.partial.decode()}, +{passes - p0}")
    writer.close()
    await writer.wait_closed()

    reader, writer = await connect(port, "reset")
    p0 = passes
    try:
        await reader.read(100)
    except ConnectionResetError as e:
        print(f"reset: read raises ConnectionResetError {e}, +{passes - p0}")
    for i in range(2):
        writer.write(b"data")
        try:
            await writer.drain()
        except ConnectionResetError as e:
            print(f"reset: drain raises ConnectionResetError {e}")
    try:
        await writer.wait_closed()
    except ConnectionResetError as e:
        print(f"reset: wait_closed raises ConnectionResetError {e}")

    reader, writer = await connect(port, "slow")
    t = asyncio.create_task(reader.readline())
    await asyncio.sleep(0)
    p0 = passes
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(f"slow: cancelled while reading, +{passes - p0}")
    try:
        await asyncio.wait_for(reader.readline(), 0.05)
    except asyncio.TimeoutError:
        print("slow: wait_for readline: TimeoutError")
    go.set()
    p0 = passes
    line = await reader.readline()
    print(f"slow: then {line.decode().strip()}, +{passes - p0}")
    print(f"slow: at EOF '{(await reader.read()).decode()}' {reader.at_eof()}")
    writer.close()

    reader, writer = await connect(port, "big", limit=16)
    try:
        await reader.readuntil(b"\n")
    except asyncio.LimitOverrunError as e:
        print(f"big: readuntil LimitOverrunError {e} consumed {e.consumed}")
    try:
        await reader.readline()
    except ValueError as e:
        print(f"big: readline ValueError {e}")
    print(f"big: next line {(await reader.readline()).decode().strip()}")
    try:
        await reader.readline()
    except ValueError as e:
        print(f"big: readline ValueError {e}")
    print(f"big: at_eof {reader.at_eof()}")
    writer.close()
    await writer.wait_closed()

    server.close()
    await server.wait_closed()
    print("done")


asyncio.run(main_())
