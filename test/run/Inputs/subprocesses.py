import asyncio
import signal
from asyncio.subprocess import PIPE, DEVNULL, STDOUT


def fnv1a(data):
    h = 1469598103934665603
    for b in data:
        h = ((h ^ b) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return h


def show(out):
    return "None" if out is None else repr(out.decode())


async def main():
    # Exit codes and a pipe read to EOF.
    p = await asyncio.create_subprocess_exec("sh", "-c", "echo hi; exit 3",
                                             stdout=PIPE)
    line = await p.stdout.readline()
    print("sh said", repr(line.decode()), "then",
          repr((await p.stdout.read()).decode()))
    print("sh exited", await p.wait(), p.returncode)
    for prog in ("true", "false"):
        p = await asyncio.create_subprocess_exec(prog)
        print(prog, "->", await p.wait())

    # communicate() with input through cat.
    p = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE,
                                             stderr=PIPE)
    out, err = await p.communicate(b"one\ntwo\n")
    print("cat:", show(out), show(err), p.returncode)

    # /dev/null and stderr into stdout; the shell form.
    p = await asyncio.create_subprocess_shell("echo out; echo err >&2",
                                              stdout=DEVNULL, stderr=DEVNULL)
    out, err = await p.communicate()
    print("devnull:", show(out), show(err), p.returncode)
    p = await asyncio.create_subprocess_shell(
        "echo out; echo err >&2; exit 7", stdout=PIPE, stderr=STDOUT)
    out, err = await p.communicate()
    print("stderr=STDOUT:", show(out), show(err), p.returncode)

    # One MiB out of a child, nothing lost.
    p = await asyncio.create_subprocess_shell(
        "i=0; while [ $i -lt 16384 ]; do "
        "echo 0123456789abcdef0123456789abcdef0123456789abcdef012345678901234; "
        "i=$((i+1)); done", stdout=PIPE)
    out, _ = await p.communicate()
    print("1 MiB:", len(out), "fnv1a", hex(fnv1a(out)))

    # Killed: returncode is -9; killed in the middle of writing.
    p = await asyncio.create_subprocess_exec("sleep", "30")
    print("sleep running:", p.returncode)
    p.kill()
    print("killed sleep:", await p.wait(), p.returncode)
    p = await asyncio.create_subprocess_exec("cat", "/dev/zero", stdout=PIPE)
    first = await p.stdout.readexactly(100000)
    p.kill()
    rest = await p.stdout.read()
    print("cat /dev/zero gave at least", len(first), "then EOF:",
          p.stdout.at_eof(), "code", await p.wait())
    p = await asyncio.create_subprocess_exec("sleep", "30")
    p.terminate()
    print("terminated:", await p.wait())
    try:
        p.send_signal(signal.SIGTERM)
    except ProcessLookupError:
        print("send_signal after the end: ProcessLookupError")

    try:
        await asyncio.create_subprocess_exec("cosm-no-such-program")
    except FileNotFoundError as e:
        print("FileNotFoundError:", e)


asyncio.run(main())
