# Uncaught chained exceptions print both tracebacks with CPython's separators.
class ConfigError(Exception):
    pass

def parse(text):
    return int(text)

def load(text):
    try:
        return parse(text)
    except ValueError as e:
        raise ConfigError("bad config: " + text) from e

def main():
    try:
        load("x1")
    except ConfigError:
        items = []
        items[3]

main()
