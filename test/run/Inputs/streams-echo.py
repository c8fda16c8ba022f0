import asyncio

passes = 0

def tick():
    global passes
    passes += 1
    asyncio.get_running_loop().call_soon(tick)

async def handle(reader, writer):
    print(f"handler starts at {passes}")
    while True:
        line = await reader.readline()
        if not line:
            break
        print(f"server got {len(line)} bytes at {passes}")
        writer.write(line.upper())
        await writer.drain()
    print(f"server sees EOF at {passes}")
    writer.write(b"bye")
    writer.close()
    await writer.wait_closed()
    print(f"server closed at {passes}")

async def main_():
    asyncio.get_running_loop().call_soon(tick)
    await asyncio.sleep(0)
    p0 = passes
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    print(f"start_server took {passes - p0} passes")
    port = server.sockets[0].getsockname()[1]
    p0 = passes
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print(f"open_connection took {passes - p0} passes")
    writer.write(b"hello\nworld\n")
    await writer.drain()
    print(f"client drained at {passes}")
    a = await reader.readline()
    print(f"client got {a.decode()}", end="")
    b = await reader.readexactly(3)
    print(f"then {b.decode()} at {passes}")
    writer.write_eof()
    try:
        await reader.readexactly(10)
    except asyncio.IncompleteReadError as e:
        print(f"IncompleteReadError: {e} (partial '{e.partial.decode()}') at {passes}")
    rest = await reader.read()
    print(f"read() at EOF: '{rest.decode()}', at_eof {reader.at_eof()}")
    writer.close()
    print(f"is_closing {writer.is_closing()}")
    await writer.wait_closed()
    print(f"client closed at {passes}")
    server.close()
    await server.wait_closed()
    print(f"server sockets after close: {len(server.sockets)}")

asyncio.run(main_())
