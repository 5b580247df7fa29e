package dev.gilt.interp.compile;

import dev.gilt.interp.bytecode.CodeBuilder;
import dev.gilt.interp.bytecode.CodeBuilder.Block;
import dev.gilt.interp.bytecode.CodeBuilder.Loc;
import dev.gilt.interp.bytecode.Opcode;
import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.interp.parse.Ast;
import dev.gilt.interp.parse.Ast.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Code generation for statements and for the code units they create (module, function and class
 * bodies), in CPython 3.12's shapes: loops with FOR_ITER/END_FOR, try/except/finally with the
 * finally body duplicated on the normal and exceptional paths, with-statements, imports,
 * augmented and annotated assignment, and the unwinding of break/continue/return through the
 * frame-block stack.
 */
class StmtCompiler extends PatternCompiler {
    StmtCompiler(String filename, Symtable st, int flags, int optimize, boolean interactive, String source) {
        super(filename, st, flags, optimize, interactive, source);
    }

    // ---- code units -----------------------------------------------------------------------------

    PyCode compileModule(Mod mod) {
        enterScope("<module>", UnitType.MODULE, mod, 1, false);
        boolean addNone = true;
        switch (mod) {
            case Ast.Module m -> body(m.body(), loc(m.body().isEmpty() ? Pos.NONE : m.body().get(0).pos()));
            case Interactive m -> visitStmts(m.body());
            case Expression m -> {
                visitExpr(m.body());
                op(Opcode.RETURN_VALUE, Loc.NONE);
                addNone = false;
            }
        }
        return exitScope(addNone);
    }

    /** The docstring of a body, or null. */
    static String docstring(List<Stmt> body) {
        if (!body.isEmpty() && body.get(0) instanceof ExprStmt e && e.value() instanceof Constant c
                && c.value() instanceof String s) {
            return s;
        }
        return null;
    }

    /** Module and class bodies: SETUP_ANNOTATIONS if needed, __doc__, statements. */
    private void body(List<Stmt> stmts, Loc loc) {
        if (findAnn(stmts)) op(Opcode.SETUP_ANNOTATIONS, loc);
        if (stmts.isEmpty()) return;
        int first = 0;
        if (!interactive && docstring(stmts) != null) {
            first = 1;
            if (optimize < 2) {
                visitExpr(((ExprStmt) stmts.get(0)).value());
                nameop("__doc__", Ctx.STORE, Loc.NONE);
            }
        }
        for (int i = first; i < stmts.size(); i++) visitStmt(stmts.get(i));
    }

    private static boolean findAnn(List<Stmt> stmts) {
        for (Stmt s : stmts) {
            boolean found = switch (s) {
                case AnnAssign a -> true;
                case For f -> findAnn(f.body()) || findAnn(f.orelse());
                case While w -> findAnn(w.body()) || findAnn(w.orelse());
                case If i -> findAnn(i.body()) || findAnn(i.orelse());
                case With w -> findAnn(w.body());
                case Try t -> {
                    boolean any = findAnn(t.body()) || findAnn(t.orelse()) || findAnn(t.finalbody());
                    for (ExceptHandler h : t.handlers()) any |= findAnn(h.body());
                    yield any;
                }
                case Match m -> {
                    boolean any = false;
                    for (MatchCase c : m.cases()) any |= findAnn(c.body());
                    yield any;
                }
                default -> false;
            };
            if (found) return true;
        }
        return false;
    }

    // ---- statements -----------------------------------------------------------------------------

    @Override
    void visitStmt(Stmt s) {
        Loc loc = loc(s);
        switch (s) {
            case FunctionDef f -> function(f);
            case ClassDef c -> classDef(c);
            case Return r -> returnStmt(r, loc);
            case Delete d -> visitExprs(d.targets());
            case Assign a -> {
                visitExpr(a.value());
                int n = a.targets().size();
                for (int i = 0; i < n; i++) {
                    if (i < n - 1) op(Opcode.COPY, 1, loc);
                    visitExpr(a.targets().get(i));
                }
            }
            case AugAssign a -> augAssign(a);
            case AnnAssign a -> annAssign(a, loc);
            case For f -> {
                if (f.isAsync()) asyncFor(f, loc);
                else forStmt(f, loc);
            }
            case While w -> whileStmt(w, loc);
            case If i -> ifStmt(i, loc);
            case Match m -> match(m);
            case Raise r -> {
                int n = 0;
                if (r.exc() != null) {
                    visitExpr(r.exc());
                    n++;
                    if (r.cause() != null) {
                        visitExpr(r.cause());
                        n++;
                    }
                }
                op(Opcode.RAISE_VARARGS, n, loc);
            }
            case Try t -> {
                if (!t.finalbody().isEmpty()) tryFinally(t, loc);
                else if (t.isStar()) tryStarExcept(t, loc);
                else tryExcept(t, loc);
            }
            case Assert a -> assertStmt(a, loc);
            case Import i -> importStmt(i, loc);
            case ImportFrom i -> importFrom(i, loc);
            case Global g -> { }
            case Nonlocal n -> { }
            case ExprStmt e -> exprStmt(e.value(), loc);
            case Pass p -> op(Opcode.NOP, loc);
            case Break b -> breakStmt(loc);
            case Continue c -> continueStmt(loc);
            case With w -> {
                if (w.isAsync()) asyncWith(w, 0, loc);
                else with(w, 0, loc);
            }
        }
    }

    private void exprStmt(Expr value, Loc loc) {
        if (interactive && nestLevel <= 1) {
            visitExpr(value);
            op(Opcode.CALL_INTRINSIC_1, Opcode.Intrinsic.PRINT, loc);
            op(Opcode.POP_TOP, Loc.NONE);
            return;
        }
        if (value instanceof Constant) {
            op(Opcode.NOP, loc);
            return;
        }
        visitExpr(value);
        op(Opcode.POP_TOP, Loc.NONE);
    }

    private void returnStmt(Return r, Loc loc) {
        Expr value = r.value();
        boolean preserveTos = value != null && !(value instanceof Constant);
        if (!u.ste.isFunctionLike()) throw error("'return' outside function", loc);
        if (value != null && u.ste.coroutine && u.ste.generator) {
            throw error("'return' with value in async generator", loc);
        }
        Loc l0 = loc;
        if (preserveTos) {
            visitExpr(value);
        } else if (value != null) {
            l0 = loc(value);
            op(Opcode.NOP, l0);
        }
        if (value == null || value.pos().line() != r.pos().line()) {
            l0 = loc;
            op(Opcode.NOP, loc);
        }
        Loc[] l = {l0};
        unwindFBlockStack(l, preserveTos, false);
        if (value == null) loadConst(Const.NONE, l[0]);
        else if (!preserveTos) loadConst(((Constant) value).value(), l[0]);
        op(Opcode.RETURN_VALUE, l[0]);
    }

    private void breakStmt(Loc loc) {
        op(Opcode.NOP, loc);
        Loc[] l = {loc};
        FBlock loop = unwindFBlockStack(l, false, true);
        if (loop == null) throw error("'break' outside loop", loc);
        unwindFBlock(loop, l, false);
        jump(CodeBuilder.JUMP, loop.exit(), l[0]);
    }

    private void continueStmt(Loc loc) {
        op(Opcode.NOP, loc);
        Loc[] l = {loc};
        FBlock loop = unwindFBlockStack(l, false, true);
        if (loop == null) throw error("'continue' not properly in loop", loc);
        jump(CodeBuilder.JUMP, loop.block(), l[0]);
    }

    private void ifStmt(If s, Loc loc) {
        Block end = newBlock();
        Block next = s.orelse().isEmpty() ? end : newBlock();
        jumpIf(loc, s.test(), next, false);
        visitStmts(s.body());
        if (!s.orelse().isEmpty()) {
            jump(CodeBuilder.JUMP, end, Loc.NONE);
            use(next);
            visitStmts(s.orelse());
        }
        use(end);
    }

    private void whileStmt(While s, Loc loc) {
        Block loop = newBlock(), body = newBlock(), end = newBlock(), anchor = newBlock();
        use(loop);
        pushFBlock(FKind.WHILE_LOOP, loop, end, null, loc);
        jumpIf(loc, s.test(), anchor, false);
        use(body);
        visitStmts(s.body());
        jumpIf(loc, s.test(), body, true);
        popFBlock(FKind.WHILE_LOOP);
        use(anchor);
        visitStmts(s.orelse());
        use(end);
    }

    private void forStmt(For s, Loc loc) {
        Block start = newBlock(), body = newBlock(), cleanup = newBlock(), end = newBlock();
        pushFBlock(FKind.FOR_LOOP, start, end, null, loc);
        visitExpr(s.iter());
        op(Opcode.GET_ITER, loc);
        use(start);
        jump(Opcode.FOR_ITER, cleanup, loc);
        use(body);
        visitExpr(s.target());
        visitStmts(s.body());
        jump(CodeBuilder.JUMP, start, Loc.NONE);
        use(cleanup);
        op(Opcode.END_FOR, Loc.NONE);
        popFBlock(FKind.FOR_LOOP);
        visitStmts(s.orelse());
        use(end);
    }

    private void asyncFor(For s, Loc loc) {
        if (isTopLevelAwait()) {
            u.ste.coroutine = true;
        } else if (u.type != UnitType.ASYNC_FUNCTION) {
            throw error("'async for' outside async function", loc);
        }
        Block start = newBlock(), except = newBlock(), end = newBlock();
        visitExpr(s.iter());
        op(Opcode.GET_AITER, loc);
        use(start);
        pushFBlock(FKind.FOR_LOOP, start, end, null, loc);
        jump(CodeBuilder.SETUP_FINALLY, except, loc);
        op(Opcode.GET_ANEXT, loc);
        loadConst(Const.NONE, loc);
        addYieldFrom(loc, true);
        popBlock(loc);
        visitExpr(s.target());
        visitStmts(s.body());
        jump(CodeBuilder.JUMP, start, Loc.NONE);
        popFBlock(FKind.FOR_LOOP);
        use(except);
        // END_ASYNC_FOR follows the `for`, not the body: it gets the iterator's line.
        op(Opcode.END_ASYNC_FOR, loc(s.iter()));
        visitStmts(s.orelse());
        use(end);
    }

    private void augAssign(AugAssign s) {
        Expr e = s.target();
        Loc loc = loc(e);
        switch (e) {
            case Attribute a -> {
                visitExpr(a.value());
                op(Opcode.COPY, 1, loc);
                op(Opcode.LOAD_ATTR, nameIndex(mangle(a.attr())) << 1, attrLoc(loc, a));
            }
            case Subscript sub -> {
                visitExpr(sub.value());
                if (isTwoElementSlice(sub.slice())) {
                    slice((Slice) sub.slice());
                    op(Opcode.COPY, 3, loc);
                    op(Opcode.COPY, 3, loc);
                    op(Opcode.COPY, 3, loc);
                    op(Opcode.BINARY_SLICE, loc);
                } else {
                    visitExpr(sub.slice());
                    op(Opcode.COPY, 2, loc);
                    op(Opcode.COPY, 2, loc);
                    op(Opcode.BINARY_SUBSCR, loc);
                }
            }
            case Name n -> nameop(n.id(), Ctx.LOAD, loc);
            default -> throw error("'" + e.getClass().getSimpleName() + "' is an illegal expression for augmented assignment", loc);
        }
        visitExpr(s.value());
        op(Opcode.BINARY_OP, binaryOp(s.op()) + Opcode.BinaryOps.INPLACE, loc(s));
        switch (e) {
            case Attribute a -> {
                Loc l = attrLoc(loc, a);
                op(Opcode.SWAP, 2, l);
                op(Opcode.STORE_ATTR, nameIndex(mangle(a.attr())), l);
            }
            case Subscript sub -> {
                if (isTwoElementSlice(sub.slice())) {
                    op(Opcode.SWAP, 4, loc);
                    op(Opcode.SWAP, 3, loc);
                    op(Opcode.SWAP, 2, loc);
                    op(Opcode.STORE_SLICE, loc);
                } else {
                    op(Opcode.SWAP, 3, loc);
                    op(Opcode.SWAP, 2, loc);
                    op(Opcode.STORE_SUBSCR, loc);
                }
            }
            default -> nameop(((Name) e).id(), Ctx.STORE, loc);
        }
    }

    private void annAssign(AnnAssign s, Loc loc) {
        Expr target = s.target();
        if (s.value() != null) {
            visitExpr(s.value());
            visitExpr(target);
        }
        switch (target) {
            case Name n -> {
                checkForbidden(n.id(), Ctx.STORE, loc);
                if (s.simple() && (u.type == UnitType.MODULE || u.type == UnitType.CLASS)) {
                    if (stringAnnotations()) loadConst(Unparser.unparse(s.annotation()), loc(s.annotation()));
                    else visitExpr(s.annotation());
                    op(Opcode.LOAD_NAME, nameIndex("__annotations__"), loc);
                    loadConst(mangle(n.id()), loc);
                    op(Opcode.STORE_SUBSCR, loc);
                }
            }
            case Attribute a -> {
                checkForbidden(a.attr(), Ctx.STORE, loc);
                if (s.value() == null) checkAnnExpr(a.value());
            }
            case Subscript sub -> {
                if (s.value() == null) {
                    checkAnnExpr(sub.value());
                    checkAnnSubscr(sub.slice());
                }
            }
            default -> throw error("invalid node type for annotated assignment", loc);
        }
        if (!s.simple() && !stringAnnotations() && (u.type == UnitType.MODULE || u.type == UnitType.CLASS)) {
            visitExpr(s.annotation());
            op(Opcode.POP_TOP, loc(s.annotation()));
        }
    }

    private void checkAnnExpr(Expr e) {
        visitExpr(e);
        op(Opcode.POP_TOP, loc(e));
    }

    private void checkAnnSubscr(Expr e) {
        switch (e) {
            case Slice s -> {
                if (s.lower() != null) checkAnnExpr(s.lower());
                if (s.upper() != null) checkAnnExpr(s.upper());
                if (s.step() != null) checkAnnExpr(s.step());
            }
            case Tuple t -> {
                for (Expr x : t.elts()) checkAnnSubscr(x);
            }
            default -> checkAnnExpr(e);
        }
    }

    private void assertStmt(Assert s, Loc loc) {
        if (optimize > 0) return;
        Block end = newBlock();
        jumpIf(loc, s.test(), end, true);
        op(Opcode.LOAD_ASSERTION_ERROR, loc);
        if (s.msg() != null) {
            visitExpr(s.msg());
            op(Opcode.CALL, 0, loc);
        }
        op(Opcode.RAISE_VARARGS, 1, loc);
        use(end);
    }

    // ---- imports --------------------------------------------------------------------------------

    private void importStmt(Import s, Loc loc) {
        for (Alias a : s.names()) {
            loadConst(0L, loc);
            loadConst(Const.NONE, loc);
            op(Opcode.IMPORT_NAME, nameIndex(a.name()), loc);
            if (a.asname() != null) {
                importAs(a.name(), a.asname(), loc);
            } else {
                int dot = a.name().indexOf('.');
                nameop(dot >= 0 ? a.name().substring(0, dot) : a.name(), Ctx.STORE, loc);
            }
        }
    }

    /** {@code import a.b.c as d}: walks the submodules with IMPORT_FROM, as CPython 3.12. */
    private void importAs(String name, String asname, Loc loc) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            nameop(asname, Ctx.STORE, loc);
            return;
        }
        while (true) {
            int pos = dot + 1;
            dot = name.indexOf('.', pos);
            String attr = name.substring(pos, dot >= 0 ? dot : name.length());
            op(Opcode.IMPORT_FROM, nameIndex(attr), loc);
            if (dot < 0) break;
            op(Opcode.SWAP, 2, loc);
            op(Opcode.POP_TOP, loc);
        }
        nameop(asname, Ctx.STORE, loc);
        op(Opcode.POP_TOP, loc);
    }

    private void importFrom(ImportFrom s, Loc loc) {
        if ("__future__".equals(s.module()) && futureLocation != null) {
            Pos f = futureLocation;
            if (s.pos().line() > f.line() || (s.pos().line() == f.line() && s.pos().col() > f.col())) {
                throw error("from __future__ imports must occur at the beginning of the file", loc);
            }
        } else if ("__future__".equals(s.module()) && futureLocation == null) {
            throw error("from __future__ imports must occur at the beginning of the file", loc);
        }
        loadConst((long) s.level(), loc);
        List<Object> names = new ArrayList<>();
        for (Alias a : s.names()) names.add(a.name());
        loadConst(names, loc);
        op(Opcode.IMPORT_NAME, nameIndex(s.module() != null ? s.module() : ""), loc);
        for (int i = 0; i < s.names().size(); i++) {
            Alias a = s.names().get(i);
            if (i == 0 && a.name().equals("*")) {
                op(Opcode.CALL_INTRINSIC_1, Opcode.Intrinsic.IMPORT_STAR, loc);
                op(Opcode.POP_TOP, Loc.NONE);
                return;
            }
            op(Opcode.IMPORT_FROM, nameIndex(a.name()), loc);
            nameop(a.asname() != null ? a.asname() : a.name(), Ctx.STORE, loc);
        }
        op(Opcode.POP_TOP, loc);
    }

    // ---- try ------------------------------------------------------------------------------------

    private void tryFinally(Try s, Loc loc) {
        Block body = newBlock(), end = newBlock(), exit = newBlock(), cleanup = newBlock();
        jump(CodeBuilder.SETUP_FINALLY, end, loc);
        use(body);
        pushFBlock(FKind.FINALLY_TRY, body, end, s.finalbody(), loc);
        if (!s.handlers().isEmpty()) {
            if (s.isStar()) tryStarExcept(s, loc);
            else tryExcept(s, loc);
        } else {
            visitStmts(s.body());
        }
        popBlock(Loc.NONE);
        popFBlock(FKind.FINALLY_TRY);
        visitStmts(s.finalbody());
        jump(CodeBuilder.JUMP, exit, Loc.NONE);
        // The exceptional path: the same finally body, then re-raise.
        use(end);
        jump(CodeBuilder.SETUP_CLEANUP, cleanup, Loc.NONE);
        op(Opcode.PUSH_EXC_INFO, Loc.NONE);
        pushFBlock(FKind.FINALLY_END, end, null, null, Loc.NONE);
        visitStmts(s.finalbody());
        popFBlock(FKind.FINALLY_END);
        op(Opcode.RERAISE, 0, Loc.NONE);
        use(cleanup);
        popExceptAndReraise(Loc.NONE);
        use(exit);
    }

    private void tryExcept(Try s, Loc loc) {
        Block body = newBlock(), except = newBlock(), end = newBlock(), cleanup = newBlock();
        jump(CodeBuilder.SETUP_FINALLY, except, loc);
        use(body);
        pushFBlock(FKind.TRY_EXCEPT, body, null, null, loc);
        visitStmts(s.body());
        popFBlock(FKind.TRY_EXCEPT);
        popBlock(Loc.NONE);
        visitStmts(s.orelse());
        jump(CodeBuilder.JUMP, end, Loc.NONE);
        int n = s.handlers().size();
        use(except);
        jump(CodeBuilder.SETUP_CLEANUP, cleanup, Loc.NONE);
        op(Opcode.PUSH_EXC_INFO, Loc.NONE);
        pushFBlock(FKind.EXCEPTION_HANDLER, null, null, null, loc);
        for (int i = 0; i < n; i++) {
            ExceptHandler h = s.handlers().get(i);
            Loc hloc = loc(h);
            if (h.type() == null && i < n - 1) throw error("default 'except:' must be last", hloc);
            Block nextExcept = newBlock();
            if (h.type() != null) {
                visitExpr(h.type());
                op(Opcode.CHECK_EXC_MATCH, hloc);
                jump(Opcode.POP_JUMP_IF_FALSE, nextExcept, hloc);
            }
            if (h.name() != null) {
                Block cleanupEnd = newBlock(), cleanupBody = newBlock();
                nameop(h.name(), Ctx.STORE, hloc);
                // try: body finally: name = None; del name  (the exception must not outlive the handler)
                jump(CodeBuilder.SETUP_CLEANUP, cleanupEnd, hloc);
                use(cleanupBody);
                pushFBlock(FKind.HANDLER_CLEANUP, cleanupBody, null, h.name(), hloc);
                visitStmts(h.body());
                popFBlock(FKind.HANDLER_CLEANUP);
                popBlock(Loc.NONE);
                popBlock(Loc.NONE);
                op(Opcode.POP_EXCEPT, Loc.NONE);
                loadConst(Const.NONE, Loc.NONE);
                nameop(h.name(), Ctx.STORE, Loc.NONE);
                nameop(h.name(), Ctx.DEL, Loc.NONE);
                jump(CodeBuilder.JUMP, end, Loc.NONE);
                use(cleanupEnd);
                loadConst(Const.NONE, Loc.NONE);
                nameop(h.name(), Ctx.STORE, Loc.NONE);
                nameop(h.name(), Ctx.DEL, Loc.NONE);
                op(Opcode.RERAISE, 1, Loc.NONE);
            } else {
                Block cleanupBody = newBlock();
                op(Opcode.POP_TOP, hloc);
                use(cleanupBody);
                pushFBlock(FKind.HANDLER_CLEANUP, cleanupBody, null, null, hloc);
                visitStmts(h.body());
                popFBlock(FKind.HANDLER_CLEANUP);
                popBlock(Loc.NONE);
                op(Opcode.POP_EXCEPT, Loc.NONE);
                jump(CodeBuilder.JUMP, end, Loc.NONE);
            }
            use(nextExcept);
        }
        popFBlock(FKind.EXCEPTION_HANDLER);
        op(Opcode.RERAISE, 0, Loc.NONE);
        use(cleanup);
        popExceptAndReraise(Loc.NONE);
        use(end);
    }

    /**
     * try/except*: the handlers run one after another on the parts of the exception group they
     * match (CHECK_EG_MATCH); whatever they raise and whatever nobody matched is collected in a
     * list, and PREP_RERAISE_STAR combines it into the group to re-raise.
     */
    private void tryStarExcept(Try s, Loc loc) {
        Block body = newBlock(), except = newBlock(), orelse = newBlock(), end = newBlock(), cleanup = newBlock(),
                reraiseStar = newBlock();
        jump(CodeBuilder.SETUP_FINALLY, except, loc);
        use(body);
        pushFBlock(FKind.TRY_EXCEPT, body, null, null, loc);
        visitStmts(s.body());
        popFBlock(FKind.TRY_EXCEPT);
        popBlock(Loc.NONE);
        jump(CodeBuilder.JUMP, orelse, Loc.NONE);
        int n = s.handlers().size();
        use(except);
        jump(CodeBuilder.SETUP_CLEANUP, cleanup, Loc.NONE);
        op(Opcode.PUSH_EXC_INFO, Loc.NONE);
        pushFBlock(FKind.EXCEPTION_GROUP_HANDLER, null, null, "except handler", loc);
        for (int i = 0; i < n; i++) {
            ExceptHandler h = s.handlers().get(i);
            Loc hloc = loc(h);
            Block nextExcept = newBlock(), exceptWithError = newBlock(), noMatch = newBlock();
            if (i == 0) {
                // [orig] -> [orig, [], exc]: a list for what the handlers raise, and a copy to match.
                op(Opcode.BUILD_LIST, 0, hloc);
                op(Opcode.COPY, 2, hloc);
            }
            if (h.type() != null) {
                visitExpr(h.type());
                op(Opcode.CHECK_EG_MATCH, hloc);
                op(Opcode.COPY, 1, hloc);
                jump(Opcode.POP_JUMP_IF_NONE, noMatch, hloc);
            }
            Block cleanupEnd = newBlock(), cleanupBody = newBlock();
            if (h.name() != null) nameop(h.name(), Ctx.STORE, hloc);
            else op(Opcode.POP_TOP, hloc);
            jump(CodeBuilder.SETUP_CLEANUP, cleanupEnd, hloc);
            use(cleanupBody);
            pushFBlock(FKind.HANDLER_CLEANUP, cleanupBody, null, h.name(), hloc);
            visitStmts(h.body());
            popFBlock(FKind.HANDLER_CLEANUP);
            popBlock(Loc.NONE);
            if (h.name() != null) {
                loadConst(Const.NONE, Loc.NONE);
                nameop(h.name(), Ctx.STORE, Loc.NONE);
                nameop(h.name(), Ctx.DEL, Loc.NONE);
            }
            jump(CodeBuilder.JUMP, nextExcept, Loc.NONE);
            use(cleanupEnd);
            if (h.name() != null) {
                loadConst(Const.NONE, Loc.NONE);
                nameop(h.name(), Ctx.STORE, Loc.NONE);
                nameop(h.name(), Ctx.DEL, Loc.NONE);
            }
            // Collect what the handler raised; drop its lasti.
            op(Opcode.LIST_APPEND, 3, Loc.NONE);
            op(Opcode.POP_TOP, Loc.NONE);
            jump(CodeBuilder.JUMP, exceptWithError, Loc.NONE);
            use(nextExcept);
            op(Opcode.NOP, Loc.NONE);
            jump(CodeBuilder.JUMP, exceptWithError, Loc.NONE);
            use(noMatch);
            op(Opcode.POP_TOP, hloc);
            use(exceptWithError);
            if (i == n - 1) {
                // The unmatched rest (or None) joins the list too.
                op(Opcode.LIST_APPEND, 1, Loc.NONE);
                jump(CodeBuilder.JUMP, reraiseStar, Loc.NONE);
            }
        }
        popFBlock(FKind.EXCEPTION_GROUP_HANDLER);
        Block reraise = newBlock();
        use(reraiseStar);
        op(Opcode.CALL_INTRINSIC_2, Opcode.Intrinsic2.PREP_RERAISE_STAR, Loc.NONE);
        op(Opcode.COPY, 1, Loc.NONE);
        jump(Opcode.POP_JUMP_IF_NOT_NONE, reraise, Loc.NONE);
        // Nothing to re-raise.
        op(Opcode.POP_TOP, Loc.NONE);
        popBlock(Loc.NONE);
        op(Opcode.POP_EXCEPT, Loc.NONE);
        jump(CodeBuilder.JUMP, end, Loc.NONE);
        use(reraise);
        popBlock(Loc.NONE);
        op(Opcode.SWAP, 2, Loc.NONE);
        op(Opcode.POP_EXCEPT, Loc.NONE);
        op(Opcode.RERAISE, 0, Loc.NONE);
        use(cleanup);
        popExceptAndReraise(Loc.NONE);
        use(orelse);
        visitStmts(s.orelse());
        use(end);
    }

    // ---- with -----------------------------------------------------------------------------------

    private void with(With s, int pos, Loc loc) {
        WithItem item = s.items().get(pos);
        Block block = newBlock(), fin = newBlock(), exit = newBlock(), cleanup = newBlock();
        visitExpr(item.contextExpr());
        op(Opcode.BEFORE_WITH, loc);
        jump(CodeBuilder.SETUP_WITH, fin, loc);
        use(block);
        pushFBlock(FKind.WITH, block, fin, s, loc);
        if (item.optionalVars() != null) visitExpr(item.optionalVars());
        else op(Opcode.POP_TOP, loc);
        if (pos + 1 == s.items().size()) visitStmts(s.body());
        else with(s, pos + 1, loc);
        popBlock(Loc.NONE);
        popFBlock(FKind.WITH);
        // Normal exit: __exit__(None, None, None).
        callExitWithNones(loc);
        op(Opcode.POP_TOP, loc);
        jump(CodeBuilder.JUMP, exit, loc);
        // Exceptional exit: __exit__(type, value, tb); re-raise unless it returns true.
        use(fin);
        jump(CodeBuilder.SETUP_CLEANUP, cleanup, loc);
        op(Opcode.PUSH_EXC_INFO, loc);
        op(Opcode.WITH_EXCEPT_START, loc);
        withExceptFinish(cleanup);
        use(exit);
    }

    private void asyncWith(With s, int pos, Loc loc) {
        WithItem item = s.items().get(pos);
        if (isTopLevelAwait()) {
            u.ste.coroutine = true;
        } else if (u.type != UnitType.ASYNC_FUNCTION) {
            throw error("'async with' outside async function", loc);
        }
        Block block = newBlock(), fin = newBlock(), exit = newBlock(), cleanup = newBlock();
        visitExpr(item.contextExpr());
        op(Opcode.BEFORE_ASYNC_WITH, loc);
        op(Opcode.GET_AWAITABLE, 1, loc);
        loadConst(Const.NONE, loc);
        addYieldFrom(loc, true);
        jump(CodeBuilder.SETUP_WITH, fin, loc);
        use(block);
        pushFBlock(FKind.ASYNC_WITH, block, fin, s, loc);
        if (item.optionalVars() != null) visitExpr(item.optionalVars());
        else op(Opcode.POP_TOP, loc);
        if (pos + 1 == s.items().size()) visitStmts(s.body());
        else asyncWith(s, pos + 1, loc);
        popFBlock(FKind.ASYNC_WITH);
        popBlock(loc);
        callExitWithNones(loc);
        op(Opcode.GET_AWAITABLE, 2, loc);
        loadConst(Const.NONE, loc);
        addYieldFrom(loc, true);
        op(Opcode.POP_TOP, loc);
        jump(CodeBuilder.JUMP, exit, loc);
        use(fin);
        jump(CodeBuilder.SETUP_CLEANUP, cleanup, loc);
        op(Opcode.PUSH_EXC_INFO, loc);
        op(Opcode.WITH_EXCEPT_START, loc);
        op(Opcode.GET_AWAITABLE, 2, loc);
        loadConst(Const.NONE, loc);
        addYieldFrom(loc, true);
        withExceptFinish(cleanup);
        use(exit);
    }

    private void withExceptFinish(Block cleanup) {
        Block suppress = newBlock(), exit = newBlock();
        jump(Opcode.POP_JUMP_IF_TRUE, suppress, Loc.NONE);
        op(Opcode.RERAISE, 2, Loc.NONE);
        use(suppress);
        op(Opcode.POP_TOP, Loc.NONE);
        popBlock(Loc.NONE);
        op(Opcode.POP_EXCEPT, Loc.NONE);
        op(Opcode.POP_TOP, Loc.NONE);
        op(Opcode.POP_TOP, Loc.NONE);
        jump(CodeBuilder.JUMP, exit, Loc.NONE);
        use(cleanup);
        popExceptAndReraise(Loc.NONE);
        use(exit);
    }

    // ---- functions and classes ------------------------------------------------------------------

    private void decorators(List<Expr> decos) {
        visitExprs(decos);
    }

    private void applyDecorators(List<Expr> decos) {
        for (int i = decos.size() - 1; i >= 0; i--) op(Opcode.CALL, 0, loc(decos.get(i)));
    }

    private void function(FunctionDef s) {
        Arguments args = s.args();
        checkDebugArgs(args);
        decorators(s.decoratorList());
        int firstlineno = s.decoratorList().isEmpty() ? s.pos().line() : s.decoratorList().get(0).pos().line();
        Loc loc = loc(s);
        int fl = defaultArguments(loc, args);
        if (annotations(loc, args, s.returns())) fl |= MAKE_ANNOTATIONS;
        Symtable.Scope scope = st.scopeFor(s);
        // Generator and coroutine bodies are wrapped in a handler turning StopIteration into RuntimeError.
        enterScope(s.name(), s.isAsync() ? UnitType.ASYNC_FUNCTION : UnitType.FUNCTION, s, firstlineno,
                scope.coroutine || scope.generator);
        String doc = docstring(s.body());
        if (optimize >= 2) doc = null;
        constIndex(doc != null ? doc : Const.NONE);
        u.argcount = args.posonlyargs().size() + args.args().size();
        u.posonlyargcount = args.posonlyargs().size();
        u.kwonlyargcount = args.kwonlyargs().size();
        List<Stmt> body = s.body();
        for (int i = docstring(body) != null ? 1 : 0; i < body.size(); i++) visitStmt(body.get(i));
        PyCode code = exitScope(true);
        makeClosure(loc, code, fl);
        applyDecorators(s.decoratorList());
        nameop(s.name(), Ctx.STORE, loc);
    }

    /** Pushes the annotations tuple (name, value, name, value, ...) as 3.12; false if none. */
    private boolean annotations(Loc loc, Arguments a, Expr returns) {
        int n = 0;
        n += argAnnotations(a.args(), loc);
        n += argAnnotations(a.posonlyargs(), loc);
        if (a.vararg() != null && a.vararg().annotation() != null) n += argAnnotation(a.vararg().arg(), a.vararg().annotation(), loc);
        n += argAnnotations(a.kwonlyargs(), loc);
        if (a.kwarg() != null && a.kwarg().annotation() != null) n += argAnnotation(a.kwarg().arg(), a.kwarg().annotation(), loc);
        if (returns != null) n += argAnnotation("return", returns, loc);
        if (n == 0) return false;
        op(Opcode.BUILD_TUPLE, n, loc);
        return true;
    }

    private int argAnnotations(List<Arg> args, Loc loc) {
        int n = 0;
        for (Arg p : args) if (p.annotation() != null) n += argAnnotation(p.arg(), p.annotation(), loc);
        return n;
    }

    private boolean stringAnnotations() {
        return (flags & Compiler.CO_FUTURE_ANNOTATIONS) != 0;
    }

    private int argAnnotation(String name, Expr annotation, Loc loc) {
        loadConst(mangle(name), loc);
        if (stringAnnotations()) {
            loadConst(Unparser.unparse(annotation), loc(annotation));
        } else if (annotation instanceof Starred s) {
            visitExpr(s.value());
            op(Opcode.UNPACK_SEQUENCE, 1, loc);
        } else {
            visitExpr(annotation);
        }
        return 2;
    }

    private void classDef(ClassDef s) {
        decorators(s.decoratorList());
        int firstlineno = s.decoratorList().isEmpty() ? s.pos().line() : s.decoratorList().get(0).pos().line();
        // 1. the class body as a code object
        enterScope(s.name(), UnitType.CLASS, s, firstlineno, false);
        Loc l = new Loc(firstlineno, firstlineno, 0, 0);
        nameop("__name__", Ctx.LOAD, l);
        nameop("__module__", Ctx.STORE, l);
        loadConst(u.qualname, l);
        nameop("__qualname__", Ctx.STORE, l);
        body(s.body(), l);
        if (u.ste.needsClassClosure) {
            // Store the __class__ cell as __classcell__ so type.__new__ can fill it; return it.
            op(Opcode.LOAD_CLOSURE, u.cellvars.indexOf("__class__"), Loc.NONE);
            op(Opcode.COPY, 1, Loc.NONE);
            nameop("__classcell__", Ctx.STORE, Loc.NONE);
        } else {
            loadConst(Const.NONE, Loc.NONE);
        }
        op(Opcode.RETURN_VALUE, Loc.NONE);
        PyCode code = exitScope(true);
        // 2. __build_class__(func, name, *bases, **keywords)
        Loc loc = loc(s);
        op(Opcode.PUSH_NULL, loc);
        op(Opcode.LOAD_BUILD_CLASS, loc);
        makeClosure(loc, code, 0);
        loadConst(s.name(), loc);
        callHelper(loc, 2, s.bases(), s.keywords());
        applyDecorators(s.decoratorList());
        nameop(s.name(), Ctx.STORE, loc);
    }
}
