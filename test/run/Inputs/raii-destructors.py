import asyncio

async def leaf(v, fail):
    print(f"+leaf{v}")
    try:
        await asyncio.sleep(0)
        if fail:
            raise RuntimeError(f"leaf failed {v}")
        print(f"+leafb{v}")
        try:
            await asyncio.sleep(0)
            return v
        finally:
            print(f"-leafb{v}")
    finally:
        print(f"-leaf{v}")

async def mid(v):
    print(f"+mid{v}")
    try:
        total = 0
        for i in range(3):
            print(f"+it{i}")
            try:
                if i == 1:
                    continue
                try:
                    print(f"+try{i}")
                    try:
                        total += await leaf(i, v == i)
                    finally:
                        print(f"-try{i}")
                except Exception as e:
                    print(f"mid caught: {e}")
                    total += 100
            finally:
                print(f"-it{i}")
        return total
    finally:
        print(f"-mid{v}")

async def main_():
    print(f"mid0 -> {await mid(0)}")
    print(f"mid2 -> {await mid(2)}")
    names = ["x", "y", "z"]
    for nm in names:
        print(f"+{nm}")
        try:
            if nm == "y":
                continue
            await asyncio.sleep(0)
            if nm == "z":
                break
        finally:
            print(f"-{nm}")
    try:
        print("+outer")
        try:
            await leaf(9, True)
        finally:
            print("-outer")
    except BaseException:
        print("caught all")
    print("+do")
    try:
        await asyncio.sleep(0)
    finally:
        print("-do")
    print("end")

asyncio.run(main_())
