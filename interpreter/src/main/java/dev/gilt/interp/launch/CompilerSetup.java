package dev.gilt.interp.launch;

import dev.gilt.interp.parse.Ast;
import dev.gilt.interp.parse.ParseError;
import dev.gilt.interp.parse.Parser;
import dev.gilt.interp.vm.MiniAnchors;
import dev.gilt.interp.vm.TracebackPrinter;
import dev.gilt.interp.vm.VmHooks;
import dev.gilt.interp.vm.VmSupport;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;

/**
 * Connects the compiler to the VM ({@link VmHooks#compiler}), and the parser to the REPL
 * (is the input complete?) and to the traceback printer (where are a failing expression's
 * operator and brackets?). Kept in one place so that the launcher is the only code that knows
 * about all three.
 */
final class CompilerSetup {
    private CompilerSetup() {}

    static void install() {
        Repl.incomplete = Parser::isIncomplete;
        TracebackPrinter.anchorFinder = CompilerSetup::anchors;
        VmHooks.compiler = (source, filename, mode, flags) -> {
            var m = switch (mode) {
                case "eval" -> dev.gilt.interp.compile.Compiler.Mode.EVAL;
                case "single" -> dev.gilt.interp.compile.Compiler.Mode.SINGLE;
                default -> dev.gilt.interp.compile.Compiler.Mode.EXEC;
            };
            try {
                return dev.gilt.interp.compile.Compiler.compile(source, filename, m, flags, 0);
            } catch (ParseError e) {
                throw syntaxError(e);
            }
        };
    }

    /**
     * A parser or compiler error as the Python SyntaxError (IndentationError, TabError) CPython
     * raises: {@code args = (msg, (filename, lineno, offset, text, end_lineno, end_offset))} and
     * the same values as attributes.
     */
    static PyException syntaxError(ParseError e) {
        PyType t = switch (e.kind) {
            case "IndentationError" -> PyExc.IndentationError;
            case "TabError" -> PyExc.TabError;
            default -> PyExc.SyntaxError;
        };
        PyObject msg = PyStr.of(e.msg);
        PyObject file = e.filename == null ? PyNone.NONE : PyStr.of(e.filename);
        PyObject text = e.text == null ? PyNone.NONE : PyStr.of(e.text);
        PyObject lineno = PyInt.of(e.line), offset = PyInt.of(e.col), endLine = PyInt.of(e.endLine),
                endOffset = PyInt.of(e.endCol);
        PyTuple details = PyTuple.of(file, lineno, offset, text, endLine, endOffset);
        PyBaseException x = VmSupport.newException(t, msg, details);
        PyDict d = x.dict();
        String[] names = {"msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
        PyObject[] vals = {msg, file, lineno, offset, text, endLine, endOffset};
        for (int i = 0; i < names.length; i++) {
            if (d.getItemStr(PyStr.intern(names[i])) == null) d.setItem(PyStr.intern(names[i]), vals[i]);
        }
        if (d.getItemStr(PyStr.intern("print_file_and_line")) == null) {
            d.setItem(PyStr.intern("print_file_and_line"), PyNone.NONE);
        }
        RefCount.decref(details);
        for (PyObject v : vals) RefCount.decref(v);
        return new PyException(x);
    }

    /** CPython's extract_anchors_from_line: parse the segment, anchor a BinOp or a Subscript. */
    static int[] anchors(String segment) {
        Ast.Mod m;
        try {
            m = Parser.parse(segment, "<traceback>", Parser.Mode.EXEC);
        } catch (ParseError e) {
            return null;
        }
        if (!(m instanceof Ast.Module mod) || mod.body().size() != 1
                || !(mod.body().get(0) instanceof Ast.ExprStmt es)) {
            return null;
        }
        Ast.Expr e = es.value();
        if (e instanceof Ast.BinOp b && b.left().pos().endLine() == 1 && b.right().pos().line() == 1) {
            return MiniAnchors.binOpAnchors(segment, b.left().pos().endCol(), b.right().pos().col());
        }
        if (e instanceof Ast.Subscript s && s.value().pos().endLine() == 1 && s.slice().pos().endLine() == 1) {
            return MiniAnchors.subscriptAnchors(segment, s.value().pos().endCol(), s.slice().pos().endCol());
        }
        return null;
    }
}
