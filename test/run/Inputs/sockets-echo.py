import asyncio
import socket

async def handle(loop, conn):
    while True:
        data = await loop.sock_recv(conn, 1024)
        if not data:
            break
        await loop.sock_sendall(conn, data.upper())
    conn.close()

async def server(loop, lsock, n):
    handlers = []
    for _ in range(n):
        conn, _ = await loop.sock_accept(lsock)
        handlers.append(asyncio.create_task(handle(loop, conn)))
    await asyncio.gather(*handlers)

async def client(loop, port, i):
    s = socket.socket()
    s.setblocking(False)
    await loop.sock_connect(s, ("127.0.0.1", port))
    msg = f"message {i}"
    await loop.sock_sendall(s, msg.encode())
    data = b""
    while len(data) < len(msg):
        data += await loop.sock_recv(s, 1024)
    s.close()
    return data.decode()

async def main_():
    loop = asyncio.get_running_loop()
    lsock = socket.socket()
    lsock.bind(("127.0.0.1", 0))
    lsock.listen()
    lsock.setblocking(False)
    port = lsock.getsockname()[1]
    srv = asyncio.create_task(server(loop, lsock, 5))
    replies = await asyncio.gather(*(client(loop, port, i) for i in range(5)))
    for r in replies:
        print(r)
    await srv
    lsock.close()
    print("server done")
    s = socket.socket()
    s.setblocking(False)
    try:
        await loop.sock_connect(s, ("127.0.0.1", port))
    except ConnectionRefusedError as e:
        print(f"refused errno {e.errno}")
    s.close()

asyncio.run(main_())
