import asyncio

class Conn:
    opened = 0
    def __init__(self, host, id_):
        self.host, self.id = host, id_
    @staticmethod
    async def open(host):
        Conn.opened += 1
        id_ = Conn.opened
        await asyncio.sleep(0)
        print(f"opened {host} id {id_} of {Conn.opened}")
        return Conn(host, id_)

async def main_():
    a = asyncio.create_task(Conn.open("a.example"))
    b = asyncio.create_task(Conn.open("b.example"))
    ca = await a
    cb = await b
    cc = await Conn.open("c.example")
    print(f"{ca.host} {ca.id}, {cb.host} {cb.id}, {cc.host} {cc.id}")

asyncio.run(main_())
