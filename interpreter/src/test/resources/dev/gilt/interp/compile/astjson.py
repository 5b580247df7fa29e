"""Dumps the AST of a Python file (or stdin) as JSON for Gilt's compiler tests (AstJson.java).

Run with CPython 3.12: python3.12 astjson.py FILE > FILE.ast.json
Columns are converted from CPython's UTF-8 byte offsets to code-point offsets (Gilt's Ast.Pos).
"""
import ast
import json
import sys


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else None
    src = open(path, encoding="utf-8").read() if path else sys.stdin.read()
    mode = sys.argv[2] if len(sys.argv) > 2 else "exec"
    tree = ast.parse(src, path or "<stdin>", mode)
    lines = src.splitlines(True)

    def col(line, byte_off):
        if line is None or byte_off is None or line < 1 or line > len(lines):
            return byte_off
        return len(lines[line - 1].encode("utf-8")[:byte_off].decode("utf-8", "replace"))

    def const(v):
        if v is None:
            return {"none": True}
        if v is Ellipsis:
            return {"ellipsis": True}
        if isinstance(v, bool):
            return {"bool": v}
        if isinstance(v, int):
            return {"int": str(v)}
        if isinstance(v, float):
            return {"float": v.hex()}
        if isinstance(v, complex):
            return {"imag": v.imag.hex()}
        if isinstance(v, str):
            return {"str": v}
        if isinstance(v, bytes):
            return {"bytes": list(v)}
        raise TypeError(type(v))

    def conv(node):
        if isinstance(node, list):
            return [conv(x) for x in node]
        if not isinstance(node, ast.AST):
            return node
        d = {"_type": type(node).__name__}
        for f in node._fields:
            v = getattr(node, f, None)
            if isinstance(node, (ast.Constant, ast.MatchSingleton)) and f == "value":
                d[f] = const(v)
            elif f in ("type_comment", "kind", "type_params"):
                continue
            elif isinstance(v, ast.AST) and isinstance(v, (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)):
                d[f] = type(v).__name__
            elif isinstance(v, list) and v and isinstance(v[0], ast.cmpop):
                d[f] = [type(x).__name__ for x in v]
            else:
                d[f] = conv(v)
        if hasattr(node, "lineno"):
            d["pos"] = [node.lineno, col(node.lineno, node.col_offset),
                        node.end_lineno, col(node.end_lineno, node.end_col_offset)]
        return d

    json.dump(conv(tree), sys.stdout)


main()
