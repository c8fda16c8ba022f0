import asyncio
import os
import shutil
import tempfile


async def nop():
    pass


async def handler(r, w):
    print(f"handler: {asyncio.current_task().get_name()}")
    w.close()


def next_name():
    return asyncio.create_task(nop()).get_name()


async def main(tmp):
    s = await asyncio.start_server(handler, "127.0.0.1", 0)
    print(f"after start_server: {next_name()}")
    for i in range(2):
        r, w = await asyncio.open_connection("127.0.0.1", s.sockets[0].getsockname()[1])
        await r.read()
        w.close()
        print(f"after connection {i}: {next_name()}")
    s.close()
    path = os.path.join(tmp, "names.sock")
    u = await asyncio.start_unix_server(handler, path)
    print(f"after start_unix_server: {next_name()}")
    r, w = await asyncio.open_unix_connection(path)
    await r.read()
    w.close()
    u.close()
    print(f"after unix connection: {next_name()}")


tmp = tempfile.mkdtemp()
try:
    asyncio.run(main(tmp))
finally:
    shutil.rmtree(tmp)
