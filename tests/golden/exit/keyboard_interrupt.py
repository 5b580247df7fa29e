def work():
    raise KeyboardInterrupt
print("working")
work()
