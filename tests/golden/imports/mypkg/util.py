print("init util", __name__, __package__)
def helper(x):
    return f"helper({x})"
