x = 1
raise RuntimeError("broken module")
