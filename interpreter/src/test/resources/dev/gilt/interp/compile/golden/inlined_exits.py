def f(kwds, typed, key, fasttypes, len, type):
    if kwds:
        key += 1
    if typed:
        key += 2
    elif len(key) == 1 and type(key[0]) in fasttypes:
        return key[0]
    return g(key)
