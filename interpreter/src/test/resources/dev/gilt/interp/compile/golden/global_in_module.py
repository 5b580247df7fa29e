def f():
    global x
    x = 1
x = 2
print(x)
class C:
    global y
    y = 1
    z = y
