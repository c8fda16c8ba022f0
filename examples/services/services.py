# The asyncio twin of services.cpp: the same lines, in the same order.
import asyncio
import os
import socket


async def shout(reader, writer):
    line = await reader.readline()
    writer.write(line.upper())
    await writer.drain()
    writer.close()


async def ask(stream, text):
    reader, writer = stream
    writer.write((text + "\n").encode())
    answer = await reader.readline()
    writer.close()
    await writer.wait_closed()
    return answer.decode().rstrip("\n ")


async def main(path):
    infos = await asyncio.get_running_loop().getaddrinfo(
        "localhost", 0, type=socket.SOCK_STREAM)
    hosts = sorted({info[4][0] for info in infos})
    print("localhost is " + " ".join(hosts))

    tcp = await asyncio.start_server(shout, "::1", 0)
    port = tcp.sockets[0].getsockname()[1]
    local = await asyncio.start_unix_server(shout, path)
    print("serving on [::1] and on a Unix socket")

    child = await asyncio.create_subprocess_exec(
        "sh", "-c", "echo hello from pid $$ | cut -d' ' -f1,2",
        stdout=asyncio.subprocess.PIPE)
    out, _ = await child.communicate()
    text = out.decode().rstrip("\n ")
    print(f"the child said '{text}' and exited with {child.returncode}")

    v6 = await asyncio.open_connection("::1", port)
    unix_socket = await asyncio.open_unix_connection(path)
    answers = await asyncio.gather(ask(v6, text),
                                   ask(unix_socket, text + " again"))
    print(f"over IPv6: {answers[0]}")
    print(f"over the Unix socket: {answers[1]}")

    tcp.close()
    local.close()
    await tcp.wait_closed()
    await local.wait_closed()
    print("closed")


path = f"/tmp/cosm-services-{os.getpid()}"
asyncio.run(main(path))
os.unlink(path)
