# The asyncio program test/run/conditional-objects.cpp must print (Python
# has no destructors: the C++ program's count of live objects is 1 while
# `k` lives and 0 after each iteration, which the lines below spell out).
import asyncio


async def word(w):
    await asyncio.sleep(0)
    return w


async def main():
    for i in range(2):
        b = i == 0
        t = await word("awaited") if b else "plain"
        f = "plain" if b else await word("awaited")
        both = await word("left") if b else await word("right")
        nested = ((await word("in-in") if i < 5 else "in-out") if b
                  else await word("out"))
        print(f"{i}: {t} {f} {both} {nested}")
        print(f"{i}: {(await word('arg') if b else 'no-arg') + '!'}")
        if len(await word("x") if b else "yy") == 1:
            print(f"{i}: short")
        else:
            print(f"{i}: long")
        k = await word("tracked") if b else "local"
        print(f"{i}: {k}, 1 live")
    print("0 live")


asyncio.run(main())
print("0 live at exit")
