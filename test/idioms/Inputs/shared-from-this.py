import asyncio

class Session:
    def __init__(self, n):
        self.name = n
        self.served = 0
    async def serve(self):
        for i in range(2):
            await asyncio.sleep(0)
            self.served += 1
            print(f"{self.name} served {self.served} uses 1")
        print(f"{self.name} destroyed")

async def main_():
    a = asyncio.create_task(Session("s1").serve())
    b = asyncio.create_task(Session("s2").serve())
    await asyncio.sleep(0)
    print("owners gone")
    await a
    await b
    print("end")

asyncio.run(main_())
