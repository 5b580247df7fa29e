# A loopback echo server with many concurrent clients (bounded), and the reader's methods.
import asyncio

CLIENTS = 50
LINES = 10


async def handle(reader, writer):
    peer = writer.get_extra_info("peername")
    assert peer[0] == "127.0.0.1", peer
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, n):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    got = []
    for i in range(LINES):
        writer.write(f"client {n} line {i}\n".encode())
        await writer.drain()
        got.append(await reader.readline())
    writer.write_eof()
    rest = await reader.read()
    writer.close()
    await writer.wait_closed()
    return got, rest



async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print("serving:", server.is_serving(), port > 0)
    results = await asyncio.gather(*(client(port, n) for n in range(CLIENTS)))
    ok = all(got == [f"CLIENT {n} LINE {i}\n".encode() for i in range(LINES)] and rest == b""
             for n, (got, rest) in enumerate(results))
    print("echoed correctly:", ok, len(results))
    server.close()
    await server.wait_closed()
    print("closed:", server.is_serving(), server.sockets)

    # the reader's methods against a server that sends a fixed script
    async def scripted(reader, writer):
        writer.write(b"hello\nworld\nabc|def|0123456789tail")
        await writer.drain()
        writer.close()

    async with await asyncio.start_server(scripted, "127.0.0.1", 0) as srv:
        port = srv.sockets[0].getsockname()[1]
        r, w = await asyncio.open_connection("127.0.0.1", port)
        print(await r.readline())
        print(await r.readexactly(3), await r.readuntil(b"\n"))
        print(await r.readuntil(b"|"), await r.readuntil(b"|"))
        print(await r.read(4), await r.readexactly(6))
        try:
            await r.readexactly(10)
        except asyncio.IncompleteReadError as e:
            print("IncompleteReadError:", e, e.partial, e.expected)
        print(await r.read(), await r.readline(), r.at_eof())
        w.close()
        await w.wait_closed()
    print("async with closed the server:", srv.is_serving())

    # readuntil at EOF without the separator; async iteration over lines
    async def lines(reader, writer):
        writer.write(b"one\ntwo\nthree")
        writer.close()

    srv = await asyncio.start_server(lines, "127.0.0.1", 0)
    port = srv.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection("127.0.0.1", port)
    print([line async for line in r])
    w.close()
    r, w = await asyncio.open_connection("127.0.0.1", port)
    await r.readline()
    await r.readline()
    try:
        await r.readuntil(b"\n")
    except asyncio.IncompleteReadError as e:
        print("readuntil at EOF:", e.partial, e.expected)
    w.close()
    srv.close()
    await srv.wait_closed()

    # connecting to a closed port
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print("ConnectionRefusedError", e.errno)


asyncio.run(main())
