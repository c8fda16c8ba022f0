import asyncio
import os
import socket

passes = 0
p0 = None  # None: the pass is not deterministic (a lookup, a datagram)


def tick():
    global passes
    passes += 1
    asyncio.get_running_loop().call_soon(tick)


def at():
    return "" if p0 is None else f" at +{passes - p0}"


class Recorder(asyncio.DatagramProtocol):
    def __init__(self, tag, echo=False):
        self.tag = tag
        self.echo = echo
        self.got = None

    def connection_made(self, transport):
        self.transport = transport
        print(f"{self.tag}: connection_made{at()}")

    def datagram_received(self, data, addr):
        print(f"{self.tag}: datagram_received {data.decode()}")
        if self.echo:
            self.transport.sendto(b"echo " + data, addr)
        if self.got is not None and not self.got.done():
            self.got.set_result(addr)

    def error_received(self, exc):
        print(f"{self.tag}: error_received {type(exc).__name__} {exc}")
        if self.got is not None and not self.got.done():
            self.got.set_result(None)

    def connection_lost(self, exc):
        print(f"{self.tag}: connection_lost {exc}{at()}")


async def received(proto):
    proto.got = asyncio.get_running_loop().create_future()
    addr = await proto.got
    proto.got = None
    return addr


async def main():
    global p0
    loop = asyncio.get_running_loop()
    loop.call_soon(tick)
    p0 = passes
    server_t, server = await loop.create_datagram_endpoint(
        lambda: Recorder("server", echo=True), local_addr=("127.0.0.1", 0))
    print(f"endpoint returned at +{passes - p0}")
    where = server_t.get_extra_info("sockname")
    print("unconnected peername:", server_t.get_extra_info("peername"))

    p0 = None
    client_t, client = await loop.create_datagram_endpoint(
        lambda: Recorder("client"), remote_addr=("localhost", where[1]))
    print("connected peername is the server:",
          client_t.get_extra_info("peername") == where)
    client_t.sendto(b"ping")
    addr = await received(client)
    print("reply from the server:", addr == where)
    try:
        client_t.sendto(b"x", ("127.0.0.1", 9))
    except ValueError as e:
        print("ValueError", str(e).replace(str(where[1]), "PORT"))
    p0 = passes
    client_t.close()
    print("closing:", client_t.is_closing())
    await asyncio.sleep(0)
    await asyncio.sleep(0)

    p0 = passes
    six_t, six = await loop.create_datagram_endpoint(
        lambda: Recorder("six", echo=True), local_addr=("::1", 0))
    p0 = passes
    c6_t, c6 = await loop.create_datagram_endpoint(
        lambda: Recorder("c6"), family=socket.AF_INET6, local_addr=("::1", 0))
    c6_t.sendto(b"over six", six_t.get_extra_info("sockname"))
    addr = await received(c6)
    print("IPv6 reply address has", len(addr), "fields")
    p0 = passes
    c6_t.close()
    six_t.close()
    await asyncio.sleep(0)

    dead = server_t.get_extra_info("sockname")[1]
    p0 = passes
    server_t.close()
    await asyncio.sleep(0)
    p0 = passes
    lonely_t, lonely = await loop.create_datagram_endpoint(
        lambda: Recorder("lonely"), remote_addr=("127.0.0.1", dead))
    lonely_t.sendto(b"anyone?")
    await received(lonely)
    print("still open after the error:", not lonely_t.is_closing())
    p0 = passes
    lonely_t.close()
    await asyncio.sleep(0)

    name = "\0cosm-net-dgram-" + str(os.getpid())
    p0 = passes
    u_t, u = await loop.create_datagram_endpoint(
        lambda: Recorder("unix", echo=True), local_addr=name,
        family=socket.AF_UNIX)
    uc_t, uc = await loop.create_datagram_endpoint(
        lambda: Recorder("unix-client"), local_addr=name + "-client",
        remote_addr=name, family=socket.AF_UNIX)
    uc_t.sendto(b"local")
    await received(uc)
    p0 = passes
    uc_t.close()
    u_t.close()
    await asyncio.sleep(0)

    for kw in [dict(), dict(local_addr=("bad name", 0)),
               dict(local_addr=("127.0.0.1", 70000))]:
        try:
            await loop.create_datagram_endpoint(lambda: Recorder("x"), **kw)
        except (ValueError, OSError, OverflowError) as e:
            print(f"{type(e).__name__}: {e}")


asyncio.run(main())
