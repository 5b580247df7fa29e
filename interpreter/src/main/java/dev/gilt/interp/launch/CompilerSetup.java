package dev.gilt.interp.launch;

import dev.gilt.interp.compile.Compiler;
import dev.gilt.interp.parse.Ast;
import dev.gilt.interp.parse.ParseError;
import dev.gilt.interp.parse.Parser;
import dev.gilt.interp.vm.MiniAnchors;
import dev.gilt.interp.vm.TracebackPrinter;
import dev.gilt.interp.vm.VmHooks;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
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
        int optimize = Integer.getInteger("gilt.optimize", 0);
        VmHooks.compiler = (source, filename, mode, flags) -> {
            Compiler.Mode m = switch (mode) {
                case "eval" -> Compiler.Mode.EVAL;
                case "single" -> Compiler.Mode.SINGLE;
                default -> Compiler.Mode.EXEC;
            };
            try {
                return Compiler.compile(source, filename, m, flags, optimize);
            } catch (ParseError e) {
                throw syntaxError(e);
            }
        };
        Repl.incomplete = Parser::isIncomplete;
        TracebackPrinter.anchorFinder = CompilerSetup::anchors;
        VmHooks.compiler = (source, filename, mode, flags) -> {
            var m = switch (mode) {
                case "eval" -> dev.gilt.interp.compile.Compiler.Mode.EVAL;
                case "single" -> dev.gilt.interp.compile.Compiler.Mode.SINGLE;
                default -> dev.gilt.interp.compile.Compiler.Mode.EXEC;
            };
            try {
                return dev.gilt.interp.compile.Compiler.compile(source, filename, m, flags, Integer.getInteger("gilt.optimize", 0));
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
        return dev.gilt.runtime.types.ExceptionTypes.syntaxError(t, e.msg, e.filename, e.line, e.col, e.text,
                e.endLine, e.endCol);
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
