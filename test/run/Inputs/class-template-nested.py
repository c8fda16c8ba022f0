# The asyncio twin of class-template-nested.cpp.
import asyncio


class Inner:
    def __init__(self, t, u):
        self.t, self.u = t, u

    async def sum(self):
        await asyncio.sleep(0)
        return self.t + self.u


class Plain:
    def __init__(self, t):
        self.t = t

    async def get(self):
        await asyncio.sleep(0)
        return self.t * 2


class S:
    def __init__(self, v):
        self.v = v

    async def get(self):
        await asyncio.sleep(0)

        async def l():
            await asyncio.sleep(0)
            return self.v

        return await l() + 1


async def amain():
    print("sum", await Inner(3, 4).sum())
    print("get", await Plain(5).get())
    print("lambda", await S(4).get())


asyncio.run(amain())
