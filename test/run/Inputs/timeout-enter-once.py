# The asyncio program test/run/timeout-enter-once.cpp must print.
import asyncio


async def five():
    return 5


async def main():
    cm = asyncio.timeout(10)
    async with cm:
        r = await five()
    print(f"first: {r} {cm!r}")
    try:
        async with cm:
            await five()
        print("second entry ran")
    except RuntimeError as e:
        print(f"RuntimeError: {e}")
    print(f"after: {cm!r}")

    for when in (1e300, 1e16, 1.5e16, 1e22, 9999999999999998.0,
                 12345.6789, 2.675, 0.0001, 0.00001, -1.5e-7, -2e20):
        async with asyncio.timeout_at(when) as at:
            print(repr(at))


asyncio.run(main())
