# golden: a file that does not compile
print("never printed")
if True
    print("x")
