import sys
print("bye soon")
sys.exit("fatal: giving up")
