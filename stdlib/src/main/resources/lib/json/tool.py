"""Command-line tool to validate and pretty-print JSON: python -m json.tool [infile [outfile]]"""
import json
import sys


def main():
    args = sys.argv[1:]
    sort_keys = '--sort-keys' in args
    compact = '--compact' in args
    args = [a for a in args if not a.startswith('--')]
    infile = open(args[0], encoding='utf-8') if args else sys.stdin
    outfile = open(args[1], 'w', encoding='utf-8') if len(args) > 1 else sys.stdout
    with infile, outfile:
        try:
            obj = json.load(infile)
        except ValueError as e:
            raise SystemExit(e)
        if compact:
            json.dump(obj, outfile, sort_keys=sort_keys, separators=(',', ':'))
        else:
            json.dump(obj, outfile, sort_keys=sort_keys, indent=4)
        outfile.write('\n')


if __name__ == '__main__':
    main()
