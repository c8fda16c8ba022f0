import asyncio
import socket


async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line.upper())
    writer.close()


async def round_trip(host, port, text, **kw):
    reader, writer = await asyncio.open_connection(host, port, **kw)
    family = writer.get_extra_info("socket").family
    writer.write(text.encode() + b"\n")
    answer = (await reader.readline()).decode().strip()
    writer.close()
    await writer.wait_closed()
    fam = "AF_INET6" if family == socket.AF_INET6 else "AF_INET"
    print(f"{host}: {answer} over {fam}")


async def main():
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo("localhost", 80, family=socket.AF_INET,
                                   type=socket.SOCK_STREAM)
    print("getaddrinfo localhost:", infos[0][4])
    print("getnameinfo:", await loop.getnameinfo(("127.0.0.1", 80)))
    for what in ["getaddrinfo", "open_connection", "start_server"]:
        try:
            if what == "getaddrinfo":
                await loop.getaddrinfo("bad name", 80)
            elif what == "open_connection":
                await asyncio.open_connection("bad name", 80)
            else:
                await asyncio.start_server(handle, "bad name", 0)
        except socket.gaierror as e:
            print(f"{what}: gaierror {e} (an OSError: {isinstance(e, OSError)})")

    server = await asyncio.start_server(handle, "localhost", 0)
    port = server.sockets[0].getsockname()[1]
    await round_trip("localhost", port, "by name")
    await round_trip("127.0.0.1", port, "by number")
    server.close()
    await server.wait_closed()

    server6 = await asyncio.start_server(handle, "::1", 0)
    port6 = server6.sockets[0].getsockname()[1]
    print("IPv6 server address has", len(server6.sockets[0].getsockname()), "fields")
    await round_trip("::1", port6, "six")
    server6.close()
    await server6.wait_closed()

    every = await asyncio.start_server(handle, None, 0)
    hosts = sorted(s.getsockname()[0] for s in every.sockets)
    print("host None listens on", hosts)
    for s in sorted(every.sockets, key=lambda s: s.family):
        await round_trip("::1" if s.family == socket.AF_INET6 else "127.0.0.1",
                       s.getsockname()[1], "everywhere")
    every.close()
    await every.wait_closed()

    for host, port in [("127.0.0.1", 70000), ("::1", -1)]:
        try:
            await asyncio.open_connection(host, port)
        except OverflowError as e:
            print(f"open_connection port {port}: OverflowError {e}")
    try:
        await asyncio.start_server(handle, "127.0.0.1", 65536)
    except OverflowError as e:
        print(f"start_server port 65536: OverflowError {e}")
    try:
        await asyncio.open_connection("127.0.0.1", port, local_addr=("::1", 0))
    except OSError as e:
        print(f"local_addr of another family: {e}")


asyncio.run(main())
