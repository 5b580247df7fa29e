# async with and awaiting inside context managers.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as stop:
        return stop.value

class Resource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("open", self.name)
        return self
    async def __aexit__(self, typ, val, tb):
        print("close", self.name, typ.__name__ if typ else None)
        return typ is KeyError

async def main():
    async with Resource("r1") as r:
        print("using", r.name)
    async with Resource("r2"):
        raise KeyError("suppressed")
    try:
        async with Resource("r3"):
            raise ValueError("escapes")
    except ValueError as e:
        print("caught", e)
    return "done"

print(run(main()))

async def bad():
    async with 1:
        pass
try:
    run(bad())
except TypeError as e:
    print(e)
