import asyncio
from asyncio.subprocess import PIPE


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def start(label, stdin=None, stdout=None, stderr=None):
    t = asyncio.create_task(ticker(12))
    p = await asyncio.create_subprocess_exec(
        "cat", stdin=stdin, stdout=stdout, stderr=stderr)
    print("started", label)
    await t
    return p


async def noop():
    pass


async def starter():
    print("starting sleep")
    await asyncio.create_subprocess_exec("sleep", "30", stdout=PIPE)
    print("not reached")


async def main():
    p = await start("no pipes", stdin=asyncio.subprocess.DEVNULL)
    print("exit", await p.wait())
    p = await start("stdout", stdin=asyncio.subprocess.DEVNULL, stdout=PIPE)
    print("read", repr(await p.stdout.read()), "exit", await p.wait())
    p = await start("all three", stdin=PIPE, stdout=PIPE, stderr=PIPE)
    out, err = await p.communicate(b"through cat\n")
    print("communicate", repr(out), repr(err), p.returncode)

    # The pipes' task takes a Task-N number, as in asyncio.
    n = asyncio.create_task(noop())
    print("next unnamed task:", n.get_name())
    await n

    # Cancelled while its pipes connect: the child is killed and waited for.
    s = asyncio.create_task(starter())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    s.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print("starter cancelled")
    print("done")


asyncio.run(main())
