import asyncio

class Account:
    def __init__(self, owner):
        self._owner = owner
        self._balance = 0

    async def deposit(self, amount):
        await asyncio.sleep(0)
        self._balance += amount
        self._log("deposit")
        return self._balance

    async def withdraw(self, amount):
        if amount > self._balance:
            self._log("refused")
            return False
        await asyncio.sleep(0)
        self._balance -= amount
        self._log("withdraw")
        return True

    async def report(self):
        await asyncio.sleep(0)
        print(f"{self._owner} has {self._balance}")

    def _log(self, what):
        print(f"{self._owner}: {what} -> {self._balance}")

async def main_():
    a = Account("ada")
    b = await a.deposit(10)
    print(f"balance {b}")
    ok = await a.withdraw(25)
    print(f"withdraw 25: {int(ok)}")
    ok = await a.withdraw(4)
    print(f"withdraw 4: {int(ok)}")
    await a.report()

asyncio.run(main_())
