import asyncio


class Conn:
    opened = 0

    def __init__(self, host, id):
        self.host, self.id = host, id

    @staticmethod
    async def open(host):
        Conn.opened += 1
        id = Conn.opened
        await asyncio.sleep(0)
        print(f"opened {host} id {id} of {Conn.opened}")
        return Conn(host, id)


async def main_():
    a = asyncio.create_task(Conn.open("a.example"))
    b = asyncio.create_task(Conn.open("b.example"))
    ca = await a
    cb = await b
    cc = await Conn.open("c.example")
    print(f"{ca.host} {ca.id}, {cb.host} {cb.id}, {cc.host} {cc.id}")


asyncio.run(main_())
