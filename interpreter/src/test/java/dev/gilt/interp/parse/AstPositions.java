package dev.gilt.interp.parse;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists node positions as "Name line col endLine endCol" in a pre-order walk over the record
 * components, which follow the field order of CPython's ast classes, so the output can be
 * compared with a walk over {@code node._fields} in Python.
 */
final class AstPositions {
    private AstPositions() {}

    static String render(Object root) {
        List<String> out = new ArrayList<>();
        walk(root, out);
        return String.join("; ", out);
    }

    private static String name(Object o) {
        return switch (o) {
            case Ast.ExprStmt x -> "Expr";
            case Ast.SetExpr x -> "Set";
            case Ast.ListExpr x -> "List";
            case Ast.FunctionDef f when f.isAsync() -> "AsyncFunctionDef";
            case Ast.For f when f.isAsync() -> "AsyncFor";
            case Ast.With w when w.isAsync() -> "AsyncWith";
            case Ast.Try t when t.isStar() -> "TryStar";
            case Ast.Arg x -> "arg";
            case Ast.Keyword x -> "keyword";
            case Ast.Alias x -> "alias";
            default -> o.getClass().getSimpleName();
        };
    }

    private static void walk(Object o, List<String> out) {
        if (o instanceof List<?> list) {
            for (Object x : list) {
                walk(x, out);
            }
            return;
        }
        if (o == null || !o.getClass().isRecord() || !o.getClass().getName().startsWith("dev.gilt")) {
            return;
        }
        try {
            RecordComponent[] rcs = o.getClass().getRecordComponents();
            for (RecordComponent rc : rcs) {
                if (rc.getName().equals("pos") && !(o instanceof Ast.Mod)) {
                    Ast.Pos p = (Ast.Pos) rc.getAccessor().invoke(o);
                    out.add(name(o) + " " + p.line() + " " + p.col() + " " + p.endLine() + " " + p.endCol());
                }
            }
            for (RecordComponent rc : rcs) {
                if (!rc.getName().equals("pos")) {
                    walk(rc.getAccessor().invoke(o), out);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
