import asyncio
import os
import shutil
import tempfile


async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line.upper())
    writer.close()


async def round_trip(path, text):
    reader, writer = await asyncio.open_unix_connection(path)
    writer.write(text.encode() + b"\n")
    answer = (await reader.readline()).decode().strip()
    peer = writer.get_extra_info("peername")
    writer.close()
    await writer.wait_closed()
    return answer, peer


async def main(tmp):
    path = os.path.join(tmp, "echo.sock")
    server = await asyncio.start_unix_server(handle, path)
    answer, peer = await round_trip(path, "on a path")
    print(f"path: {answer}, peer is the path: {peer == path}")
    server.close()
    await server.wait_closed()
    print("socket file left after close:", os.path.exists(path))
    server = await asyncio.start_unix_server(handle, path)
    answer, _ = await round_trip(path, "stale file replaced")
    print(f"path again: {answer}")
    server.close()
    await server.wait_closed()

    name = "\0cosm-net-unix-" + str(os.getpid())
    server = await asyncio.start_unix_server(handle, name)
    answer, peer = await round_trip(name, "abstract")
    print(f"abstract: {answer}, peer is bytes: {isinstance(peer, bytes)}")
    try:
        await asyncio.start_unix_server(handle, name)
    except OSError as e:
        print(f"abstract twice: errno {e.errno}, message names it: "
              f"{repr(name) in str(e)}")
    server.close()
    await server.wait_closed()

    for p in [os.path.join(tmp, "missing.sock"), path]:
        try:
            await asyncio.open_unix_connection(p)
        except OSError as e:
            print(f"refused: {isinstance(e, ConnectionRefusedError)}, {e}")


tmp = tempfile.mkdtemp()
try:
    asyncio.run(main(tmp))
finally:
    shutil.rmtree(tmp)
