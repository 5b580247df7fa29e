package dev.gilt.interp.compile;

import dev.gilt.interp.parse.Ast;
import dev.gilt.interp.parse.Ast.*;
import dev.gilt.interp.parse.ParseError;
import java.util.List;

/**
 * Future statements ({@code from __future__ import ...}) at the top of a module, as CPython's
 * future.c reads them: only a docstring and other future statements may come before one. Known
 * features that are always on are accepted; {@code annotations} and {@code barry_as_FLUFL} set
 * their flag; {@code braces} is "not a chance"; anything else is an error.
 */
record Future(int features, Pos location) {
    static Future parse(Mod mod, String filename, String[] lines) {
        List<Stmt> body = switch (mod) {
            case Ast.Module m -> m.body();
            case Interactive m -> m.body();
            case Expression m -> List.of();
        };
        int features = 0;
        Pos location = null;
        int i = StmtCompiler.docstring(body) != null ? 1 : 0;
        for (; i < body.size(); i++) {
            if (!(body.get(i) instanceof ImportFrom f) || !"__future__".equals(f.module())) break;
            for (Alias a : f.names()) {
                switch (a.name()) {
                    case "nested_scopes", "generators", "division", "absolute_import", "with_statement",
                            "print_function", "unicode_literals", "generator_stop" -> { }
                    case "annotations" -> features |= Compiler.CO_FUTURE_ANNOTATIONS;
                    case "barry_as_FLUFL" -> features |= Compiler.CO_FUTURE_BARRY_AS_BDFL;
                    case "braces" -> throw error(filename, lines, "not a chance", f.pos());
                    default -> throw error(filename, lines, "future feature " + a.name() + " is not defined", f.pos());
                }
            }
            location = f.pos();
        }
        return new Future(features, location);
    }

    /** CPython reports these with a start position only (end_offset None, written -1 here). */
    private static ParseError error(String filename, String[] lines, String msg, Pos pos) {
        String text = lines != null && pos.line() >= 1 && pos.line() <= lines.length ? lines[pos.line() - 1] + "\n" : null;
        return new ParseError("SyntaxError", msg, filename, pos.line(), pos.col() + 1, pos.line(), -1, text);
    }
}
