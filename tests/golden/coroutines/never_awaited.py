# A coroutine that is never awaited warns when it dies.
async def job():
    return 1

def main():
    job()
    print("after creating the coroutine")

main()
print("end")
