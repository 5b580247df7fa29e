"""Disassembler of Gilt bytecode (the layout of CPython 3.12's dis).

The instruction set is Gilt's own Opcode table (CPython's instruction names and meanings);
rendering is done by the compiler's Disassembler through _gilt_dis.
"""

import sys
import types
import collections

import _gilt_dis

__all__ = ["code_info", "dis", "disassemble", "distb", "disco", "findlinestarts", "findlabels",
           "show_code", "get_instructions", "Instruction", "Bytecode", "opname", "opmap"]

opname = list(_gilt_dis.opnames)
opmap = {name: i for i, name in enumerate(opname)}

_have_code = (types.MethodType, types.FunctionType, types.CodeType, classmethod, staticmethod, type)


def _get_code_object(x):
    """Return the code object of x (a function, method, generator, coroutine, code or source)."""
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    elif hasattr(x, 'ag_code'):
        x = x.ag_code
    elif hasattr(x, 'cr_code'):
        x = x.cr_code
    if isinstance(x, str):
        x = compile(x, '<disassembly>', 'exec')
    if isinstance(x, types.CodeType):
        return x
    raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def _is_disassemblable(x):
    return (hasattr(x, '__func__') or hasattr(x, '__code__') or hasattr(x, 'gi_code')
            or isinstance(x, (types.CodeType, type)))


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble classes, methods, functions, generators, code objects or source strings.

    With no argument, disassemble the last traceback.
    """
    if x is None:
        distb(file=file)
        return
    if file is None:
        file = sys.stdout
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    elif hasattr(x, 'ag_code'):
        x = x.ag_code
    elif hasattr(x, 'cr_code'):
        x = x.cr_code
    if hasattr(x, '__dict__') and not isinstance(x, types.CodeType):
        items = sorted(x.__dict__.items())
        first = True
        for name, x1 in items:
            if isinstance(x1, _have_code) or hasattr(x1, '__code__'):
                if not first:
                    print(file=file)
                first = False
                print("Disassembly of %s:" % name, file=file)
                try:
                    dis(x1, file=file, depth=depth)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
        return
    if isinstance(x, types.CodeType):
        _disassemble_recursive(x, file=file, depth=depth)
    elif isinstance(x, (bytes, bytearray)):
        raise TypeError("Gilt cannot disassemble raw CPython bytecode")
    elif isinstance(x, str):
        _disassemble_recursive(compile(x, '<dis>', 'exec'), file=file, depth=depth)
    else:
        raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def _disassemble_recursive(co, *, file=None, depth=None):
    if depth is None:
        print(_gilt_dis.render(co), file=file, end='')
        return
    print(_gilt_dis.render_one(co), file=file, end='')
    if depth > 0:
        depth -= 1
        for x in co.co_consts:
            if isinstance(x, types.CodeType):
                print(file=file)
                print("Disassembly of %s:" % _gilt_dis.code_repr(x), file=file)
                _disassemble_recursive(x, file=file, depth=depth)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a traceback (default: last traceback)."""
    if tb is None:
        try:
            if hasattr(sys, 'last_exc'):
                tb = sys.last_exc.__traceback__
            else:
                tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a code object."""
    print(_gilt_dis.render_one(co), file=file, end='')


disco = disassemble


COMPILER_FLAG_NAMES = {1: "OPTIMIZED", 2: "NEWLOCALS", 4: "VARARGS", 8: "VARKEYWORDS", 16: "NESTED",
                       32: "GENERATOR", 64: "NOFREE", 128: "COROUTINE", 256: "ITERABLE_COROUTINE",
                       512: "ASYNC_GENERATOR"}


def pretty_flags(flags):
    """Return pretty representation of code flags."""
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


def code_info(x):
    """Formatted details of methods, functions, or code."""
    return _format_code_info(_get_code_object(x))


def _format_code_info(co):
    lines = []
    lines.append("Name:              %s" % co.co_name)
    lines.append("Filename:          %s" % co.co_filename)
    lines.append("Argument count:    %s" % co.co_argcount)
    lines.append("Positional-only arguments: %s" % co.co_posonlyargcount)
    lines.append("Kw-only arguments: %s" % co.co_kwonlyargcount)
    lines.append("Number of locals:  %s" % co.co_nlocals)
    lines.append("Stack size:        %s" % co.co_stacksize)
    lines.append("Flags:             %s" % pretty_flags(co.co_flags))
    if co.co_consts:
        lines.append("Constants:")
        for i_c in enumerate(co.co_consts):
            lines.append("%4d: %r" % i_c)
    if co.co_names:
        lines.append("Names:")
        for i_n in enumerate(co.co_names):
            lines.append("%4d: %s" % i_n)
    if co.co_varnames:
        lines.append("Variable names:")
        for i_n in enumerate(co.co_varnames):
            lines.append("%4d: %s" % i_n)
    if co.co_freevars:
        lines.append("Free variables:")
        for i_n in enumerate(co.co_freevars):
            lines.append("%4d: %s" % i_n)
    if co.co_cellvars:
        lines.append("Cell variables:")
        for i_n in enumerate(co.co_cellvars):
            lines.append("%4d: %s" % i_n)
    return "\n".join(lines)


def show_code(co, *, file=None):
    """Print details of methods, functions, or code to *file*."""
    print(code_info(co), file=file)


Instruction = collections.namedtuple(
    "Instruction", ["opname", "opcode", "arg", "argval", "argrepr", "offset", "starts_line",
                    "is_jump_target", "positions"], defaults=[None])


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """Iterator for the opcodes in methods, functions or code (Instruction named tuples)."""
    co = _get_code_object(x)
    last_line = None
    for name, opcode, arg, offset, line, is_jump in _gilt_dis.instructions(co):
        starts = line if line != last_line and line >= 0 else None
        if line >= 0:
            last_line = line
        yield Instruction(name, opcode, arg, arg, '' if arg is None else repr(arg), offset, starts,
                          False, None)


def findlinestarts(code):
    """Find the offsets in a byte code which are start of lines in the source: (offset, lineno)."""
    lastline = None
    for start, end, line in code.co_lines():
        if line is not None and line != lastline:
            lastline = line
            yield start, line


def findlabels(code):
    """Detect all offsets in a byte code which are jump targets."""
    return []


class Bytecode:
    """The bytecode operations of a piece of code (iterate for Instructions; dis() renders)."""

    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False, adaptive=False):
        self.codeobj = co = _get_code_object(x)
        self.first_line = co.co_firstlineno if first_line is None else first_line
        self._original_object = x
        self.current_offset = current_offset

    def __iter__(self):
        return get_instructions(self.codeobj)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self._original_object)

    def info(self):
        """Return formatted information about the code object."""
        return _format_code_info(self.codeobj)

    def dis(self):
        """Return a formatted view of the bytecode operations."""
        return _gilt_dis.render_one(self.codeobj)


def _main():
    """Simple test program to disassemble a file (python -m dis FILE)."""
    args = sys.argv[1:]
    if not args or args[0] == '-':
        source = sys.stdin.read()
        name = '<stdin>'
    else:
        name = args[0]
        with open(name, 'rb') as infile:
            source = infile.read()
    code = compile(source, name, "exec")
    dis(code)


if __name__ == "__main__":
    _main()
