import asyncio
import os
import signal

passes = 0


def tick():
    global passes
    passes += 1
    asyncio.get_running_loop().call_soon(tick)


def on_signal(name):
    print(f"{name} handled at {passes}")


async def main_():
    loop = asyncio.get_running_loop()
    loop.call_soon(tick)
    await asyncio.sleep(0)
    loop.add_signal_handler(signal.SIGUSR1, on_signal, "SIGUSR1")
    loop.add_signal_handler(signal.SIGUSR2, on_signal, "SIGUSR2")
    os.kill(os.getpid(), signal.SIGUSR1)
    os.kill(os.getpid(), signal.SIGUSR2)
    print(f"sent at {passes}")
    for _ in range(3):
        await asyncio.sleep(0)
        print(f"main at {passes}")
    # A replaced handler; then a removed one (the default action is back).
    loop.add_signal_handler(signal.SIGUSR1, on_signal, "SIGUSR1 again")
    os.kill(os.getpid(), signal.SIGUSR1)
    await asyncio.sleep(0.05)
    print("removed:", loop.remove_signal_handler(signal.SIGUSR1),
          loop.remove_signal_handler(signal.SIGUSR1))
    print("SIGUSR1 is default:",
          signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL)
    for sig in (0, 65, signal.SIGKILL):
        try:
            loop.add_signal_handler(sig, on_signal, "never")
        except (ValueError, RuntimeError) as e:
            print(f"{type(e).__name__}: {e}")
    # SIGINT cancels the main task: run() then raises KeyboardInterrupt.
    os.kill(os.getpid(), signal.SIGINT)
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("main cancelled")
        raise


try:
    asyncio.run(main_())
except KeyboardInterrupt:
    print("KeyboardInterrupt")
print("SIGINT is default again:",
      signal.getsignal(signal.SIGINT) == signal.default_int_handler)
