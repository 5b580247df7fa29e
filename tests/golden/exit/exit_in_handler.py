import sys
try:
    1 / 0
except ZeroDivisionError:
    print("handled; exiting with 0")
    sys.exit(0)
