def main():
    try:
        raise SystemExit
    finally:
        print("finally runs before exit")
main()
