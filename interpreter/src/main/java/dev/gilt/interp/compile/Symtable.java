package dev.gilt.interp.compile;

import dev.gilt.interp.parse.Ast;
import dev.gilt.interp.parse.Ast.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Symbol tables: one {@link Scope} per module, class, function, lambda and comprehension, with
 * every name classified as CPython 3.12 does (local, cell, free, explicit or implicit global).
 *
 * <p>Two passes, as in CPython: {@link Builder} walks the AST recording how each name is used in
 * each scope (flags), then {@link #analyze} resolves scopes top-down with the sets of names bound
 * in enclosing functions, and bottom-up the names that children need as free variables (which
 * become cells in the function that binds them). Class scopes do not make their names visible to
 * nested functions, except the implicit {@code __class__} cell used by {@code super()}.
 *
 * <p>Comprehensions are function scopes (as CPython 3.11 compiles them), taking the outermost
 * iterator as parameter {@code .0}; a walrus inside binds in the nearest enclosing function (or
 * module).
 */
public final class Symtable {
    // symbol flags
    static final int DEF_GLOBAL = 1, DEF_LOCAL = 2, DEF_PARAM = 4, DEF_NONLOCAL = 8, USE = 16, DEF_FREE_CLASS = 64,
            DEF_IMPORT = 128, DEF_ANNOT = 256, DEF_COMP_ITER = 512;
    static final int DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

    public enum Kind { MODULE, CLASS, FUNCTION }

    public enum Comprehension { NONE, LIST, SET, DICT, GENERATOR }

    public enum ScopeKind { LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL }

    /** One scope (CPython's symtable entry). */
    public static final class Scope {
        public final Kind kind;
        public final String name;
        public final Node node;
        public final Scope parent;
        final Map<String, Integer> symbols = new LinkedHashMap<>();
        final Map<String, ScopeKind> scopes = new HashMap<>();
        /** Parameters in declaration order (the start of co_varnames). */
        public final List<String> params = new ArrayList<>();
        public final List<Scope> children = new ArrayList<>();
        /** Where each global/nonlocal declaration (or walrus binding) is, for error positions. */
        final Map<String, Pos> directives = new HashMap<>();
        public boolean nested, generator, coroutine, varargs, varkeywords, returnsValue, needsClassClosure;
        public Comprehension comprehension = Comprehension.NONE;
        int compIterTarget, compIterExpr;

        Scope(Kind kind, String name, Node node, Scope parent) {
            this.kind = kind;
            this.name = name;
            this.node = node;
            this.parent = parent;
        }

        public boolean isFunctionLike() {
            return kind == Kind.FUNCTION;
        }

        /** The resolved scope of {@code name} (already mangled), or null if the name is unknown here. */
        public ScopeKind scopeOf(String name) {
            return scopes.get(name);
        }

        public int flags(String name) {
            return symbols.getOrDefault(name, 0);
        }

        public Set<String> names() {
            return symbols.keySet();
        }

        @Override
        public String toString() {
            return kind + " " + name + " " + scopes;
        }
    }

    public final Scope top;
    private final Map<Object, Scope> byNode;
    final String filename;

    private Symtable(Scope top, Map<Object, Scope> byNode, String filename) {
        this.top = top;
        this.byNode = byNode;
        this.filename = filename;
    }

    /** The scope created for {@code node} (a FunctionDef, ClassDef, Lambda or comprehension). */
    public Scope scopeFor(Node node) {
        Scope s = byNode.get(node);
        if (s == null) throw new IllegalStateException("no scope for " + node.getClass().getSimpleName());
        return s;
    }

    /** Builds and analyses the symbol table of a module; raises ParseError for scoping errors. */
    public static Symtable build(Mod mod, String filename, Errors errors) {
        return build(mod, filename, false, errors);
    }

    /**
     * As {@link #build(Mod, String, Errors)}; with {@code stringAnnotations} (the annotations
     * future) annotations are not evaluated, so their names are not recorded.
     */
    public static Symtable build(Mod mod, String filename, boolean stringAnnotations, Errors errors) {
        Builder b = new Builder(filename, errors);
        b.stringAnnotations = stringAnnotations;
        Scope top = b.run(mod);
        Symtable st = new Symtable(top, b.byNode, filename);
        st.analyze(errors);
        return st;
    }

    /** Reports errors with positions; implemented by the compiler (it knows the source text). */
    public interface Errors {
        RuntimeException error(String msg, Pos pos);
    }

    /** CPython's private name mangling: {@code __x} in class {@code C} is {@code _C__x}. */
    public static String mangle(String privateName, String name) {
        if (privateName == null || !name.startsWith("__")) return name;
        if (name.endsWith("__") || name.indexOf('.') >= 0) return name;
        int i = 0;
        while (i < privateName.length() && privateName.charAt(i) == '_') i++;
        if (i == privateName.length()) return name;
        return "_" + privateName.substring(i) + name;
    }

    // ---- pass 1: record uses --------------------------------------------------------------

    private static final class Builder {
        final String filename;
        final Errors errors;
        final Map<Object, Scope> byNode = new IdentityHashMap<>();
        final List<Scope> stack = new ArrayList<>();
        Scope cur, module;
        String privateName;
        boolean stringAnnotations;

        Builder(String filename, Errors errors) {
            this.filename = filename;
            this.errors = errors;
        }

        Scope run(Mod mod) {
            enter(Kind.MODULE, "top", mod);
            module = cur;
            switch (mod) {
                case Ast.Module m -> stmts(m.body());
                case Interactive m -> stmts(m.body());
                case Expression m -> expr(m.body());
            }
            exit();
            return module;
        }

        void enter(Kind kind, String name, Node node) {
            Scope s = new Scope(kind, name, node, cur);
            if (cur != null) {
                cur.children.add(s);
                if (cur.nested || cur.kind == Kind.FUNCTION) s.nested = true;
            }
            if (node != null) byNode.put(node, s);
            stack.add(s);
            cur = s;
        }

        void exit() {
            stack.remove(stack.size() - 1);
            cur = stack.isEmpty() ? null : stack.get(stack.size() - 1);
        }

        RuntimeException error(String msg, Pos pos) {
            return errors.error(msg, pos);
        }

        void addDef(String name, int flag, Pos pos) {
            addDef(name, flag, cur, pos);
        }

        void addDef(String name, int flag, Scope s, Pos pos) {
            String mangled = mangle(privateName, name);
            Integer old = s.symbols.get(mangled);
            int val;
            if (old != null) {
                if ((flag & DEF_PARAM) != 0 && (old & DEF_PARAM) != 0) {
                    throw error("duplicate argument '" + name + "' in function definition", pos);
                }
                val = old | flag;
            } else {
                val = flag;
            }
            if (s.compIterTarget > 0) {
                if ((val & (DEF_GLOBAL | DEF_NONLOCAL)) != 0) {
                    throw error("comprehension inner loop cannot rebind assignment expression target '" + name + "'", pos);
                }
                val |= DEF_COMP_ITER;
            }
            s.symbols.put(mangled, val);
            if ((flag & DEF_PARAM) != 0) {
                s.params.add(mangled);
            } else if ((flag & DEF_GLOBAL) != 0) {
                module.symbols.merge(mangled, flag, (a, b) -> a | b);
            }
        }

        int lookup(String name) {
            return cur.symbols.getOrDefault(mangle(privateName, name), 0);
        }

        void stmts(List<Stmt> body) {
            for (Stmt s : body) stmt(s);
        }

        void exprs(List<Expr> es) {
            for (Expr e : es) if (e != null) expr(e);
        }

        void stmt(Stmt s) {
            switch (s) {
                case FunctionDef f -> {
                    addDef(f.name(), DEF_LOCAL, f.pos());
                    exprs(f.args().defaults());
                    exprs(f.args().kwDefaults());
                    annotations(f.args(), f.returns());
                    exprs(f.decoratorList());
                    enter(Kind.FUNCTION, f.name(), f);
                    if (f.isAsync()) cur.coroutine = true;
                    params(f.args());
                    stmts(f.body());
                    exit();
                }
                case ClassDef c -> {
                    addDef(c.name(), DEF_LOCAL, c.pos());
                    exprs(c.bases());
                    for (Keyword k : c.keywords()) expr(k.value());
                    exprs(c.decoratorList());
                    enter(Kind.CLASS, c.name(), c);
                    String saved = privateName;
                    privateName = c.name();
                    stmts(c.body());
                    privateName = saved;
                    exit();
                }
                case Return r -> {
                    if (r.value() != null) {
                        expr(r.value());
                        cur.returnsValue = true;
                    }
                }
                case Delete d -> exprs(d.targets());
                case Assign a -> {
                    exprs(a.targets());
                    expr(a.value());
                }
                case AnnAssign a -> {
                    if (a.target() instanceof Name n) {
                        int old = lookup(n.id());
                        if ((old & (DEF_GLOBAL | DEF_NONLOCAL)) != 0 && cur != module && a.simple()) {
                            throw error("annotated name '" + n.id() + "' can't be "
                                    + ((old & DEF_GLOBAL) != 0 ? "global" : "nonlocal"), s.pos());
                        }
                        if (a.simple()) addDef(n.id(), DEF_ANNOT | DEF_LOCAL, n.pos());
                        else if (a.value() != null) addDef(n.id(), DEF_LOCAL, n.pos());
                    } else {
                        expr(a.target());
                    }
                    if (!stringAnnotations) expr(a.annotation());
                    if (a.value() != null) expr(a.value());
                }
                case AugAssign a -> {
                    expr(a.target());
                    expr(a.value());
                }
                case For f -> {
                    expr(f.target());
                    expr(f.iter());
                    stmts(f.body());
                    stmts(f.orelse());
                }
                case While w -> {
                    expr(w.test());
                    stmts(w.body());
                    stmts(w.orelse());
                }
                case If i -> {
                    expr(i.test());
                    stmts(i.body());
                    stmts(i.orelse());
                }
                case With w -> {
                    for (WithItem it : w.items()) {
                        expr(it.contextExpr());
                        if (it.optionalVars() != null) expr(it.optionalVars());
                    }
                    stmts(w.body());
                }
                case Match m -> {
                    expr(m.subject());
                    for (MatchCase c : m.cases()) {
                        pattern(c.pattern());
                        if (c.guard() != null) expr(c.guard());
                        stmts(c.body());
                    }
                }
                case Raise r -> {
                    if (r.exc() != null) expr(r.exc());
                    if (r.cause() != null) expr(r.cause());
                }
                case Try t -> {
                    stmts(t.body());
                    stmts(t.orelse());
                    for (ExceptHandler h : t.handlers()) {
                        if (h.type() != null) expr(h.type());
                        if (h.name() != null) addDef(h.name(), DEF_LOCAL, h.pos());
                        stmts(h.body());
                    }
                    stmts(t.finalbody());
                }
                case Assert a -> {
                    expr(a.test());
                    if (a.msg() != null) expr(a.msg());
                }
                case Import i -> {
                    for (Alias a : i.names()) importAlias(a);
                }
                case ImportFrom i -> {
                    for (Alias a : i.names()) importAlias(a);
                }
                case Global g -> {
                    for (String name : g.names()) {
                        int old = lookup(name);
                        if ((old & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) != 0) {
                            throw error(declError(name, old, "global"), g.pos());
                        }
                        addDef(name, DEF_GLOBAL, g.pos());
                        cur.directives.putIfAbsent(mangle(privateName, name), g.pos());
                    }
                }
                case Nonlocal n -> {
                    for (String name : n.names()) {
                        int old = lookup(name);
                        if ((old & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) != 0) {
                            throw error(declError(name, old, "nonlocal"), n.pos());
                        }
                        addDef(name, DEF_NONLOCAL, n.pos());
                        cur.directives.putIfAbsent(mangle(privateName, name), n.pos());
                    }
                }
                case ExprStmt e -> expr(e.value());
                case Pass p -> { }
                case Break b -> { }
                case Continue c -> { }
            }
        }

        static String declError(String name, int old, String what) {
            if ((old & DEF_PARAM) != 0) return "name '" + name + "' is parameter and " + what;
            if ((old & USE) != 0) return "name '" + name + "' is used prior to " + what + " declaration";
            if ((old & DEF_ANNOT) != 0) return "annotated name '" + name + "' can't be " + what;
            return "name '" + name + "' is assigned to before " + what + " declaration";
        }

        void importAlias(Alias a) {
            String store = a.asname() != null ? a.asname() : a.name();
            int dot = store.indexOf('.');
            if (a.asname() == null && dot >= 0) store = store.substring(0, dot);
            if (a.name().equals("*")) {
                if (cur.kind != Kind.MODULE) throw error("import * only allowed at module level", a.pos());
                return;
            }
            addDef(store, DEF_IMPORT, a.pos());
        }

        void annotations(Arguments a, Expr returns) {
            if (stringAnnotations) return;
            for (Arg p : a.posonlyargs()) if (p.annotation() != null) expr(p.annotation());
            for (Arg p : a.args()) if (p.annotation() != null) expr(p.annotation());
            if (a.vararg() != null && a.vararg().annotation() != null) expr(a.vararg().annotation());
            for (Arg p : a.kwonlyargs()) if (p.annotation() != null) expr(p.annotation());
            if (a.kwarg() != null && a.kwarg().annotation() != null) expr(a.kwarg().annotation());
            if (returns != null) expr(returns);
        }

        void params(Arguments a) {
            for (Arg p : a.posonlyargs()) addDef(p.arg(), DEF_PARAM, p.pos());
            for (Arg p : a.args()) addDef(p.arg(), DEF_PARAM, p.pos());
            for (Arg p : a.kwonlyargs()) addDef(p.arg(), DEF_PARAM, p.pos());
            if (a.vararg() != null) {
                addDef(a.vararg().arg(), DEF_PARAM, a.vararg().pos());
                cur.varargs = true;
            }
            if (a.kwarg() != null) {
                addDef(a.kwarg().arg(), DEF_PARAM, a.kwarg().pos());
                cur.varkeywords = true;
            }
        }

        void pattern(Pattern p) {
            switch (p) {
                case MatchValue v -> expr(v.value());
                case MatchSingleton v -> { }
                case MatchSequence v -> {
                    for (Pattern q : v.patterns()) pattern(q);
                }
                case MatchMapping v -> {
                    exprs(v.keys());
                    for (Pattern q : v.patterns()) pattern(q);
                    if (v.rest() != null) addDef(v.rest(), DEF_LOCAL, v.pos());
                }
                case MatchClass v -> {
                    expr(v.cls());
                    for (Pattern q : v.patterns()) pattern(q);
                    for (Pattern q : v.kwdPatterns()) pattern(q);
                }
                case MatchStar v -> {
                    if (v.name() != null) addDef(v.name(), DEF_LOCAL, v.pos());
                }
                case MatchAs v -> {
                    if (v.pattern() != null) pattern(v.pattern());
                    if (v.name() != null) addDef(v.name(), DEF_LOCAL, v.pos());
                }
                case MatchOr v -> {
                    for (Pattern q : v.patterns()) pattern(q);
                }
            }
        }

        void expr(Expr e) {
            switch (e) {
                case NamedExpr n -> {
                    if (cur.compIterExpr > 0) {
                        throw error("assignment expression cannot be used in a comprehension iterable expression", n.pos());
                    }
                    if (cur.comprehension != Comprehension.NONE) extendNamedExprScope(n);
                    expr(n.value());
                    expr(n.target());
                }
                case BoolOp b -> exprs(b.values());
                case BinOp b -> {
                    expr(b.left());
                    expr(b.right());
                }
                case UnaryOp u -> expr(u.operand());
                case Lambda l -> {
                    exprs(l.args().defaults());
                    exprs(l.args().kwDefaults());
                    enter(Kind.FUNCTION, "lambda", l);
                    params(l.args());
                    expr(l.body());
                    exit();
                }
                case IfExp i -> {
                    expr(i.test());
                    expr(i.body());
                    expr(i.orelse());
                }
                case Dict d -> {
                    exprs(d.keys());
                    exprs(d.values());
                }
                case SetExpr s -> exprs(s.elts());
                case ListComp c -> comprehension(c, "listcomp", c.generators(), c.elt(), null, Comprehension.LIST);
                case SetComp c -> comprehension(c, "setcomp", c.generators(), c.elt(), null, Comprehension.SET);
                case DictComp c -> comprehension(c, "dictcomp", c.generators(), c.key(), c.value(), Comprehension.DICT);
                case GeneratorExp c -> comprehension(c, "genexpr", c.generators(), c.elt(), null, Comprehension.GENERATOR);
                case Await a -> {
                    expr(a.value());
                    cur.coroutine = true;
                }
                case Yield y -> {
                    if (y.value() != null) expr(y.value());
                    cur.generator = true;
                    if (cur.comprehension != Comprehension.NONE) throw yieldInComprehension(y.pos());
                }
                case YieldFrom y -> {
                    expr(y.value());
                    cur.generator = true;
                    if (cur.comprehension != Comprehension.NONE) throw yieldInComprehension(y.pos());
                }
                case Compare c -> {
                    expr(c.left());
                    exprs(c.comparators());
                }
                case Call c -> {
                    expr(c.func());
                    exprs(c.args());
                    for (Keyword k : c.keywords()) expr(k.value());
                }
                case FormattedValue f -> {
                    expr(f.value());
                    if (f.formatSpec() != null) expr(f.formatSpec());
                }
                case JoinedStr j -> exprs(j.values());
                case Constant c -> { }
                case Attribute a -> expr(a.value());
                case Subscript s -> {
                    expr(s.value());
                    expr(s.slice());
                }
                case Starred s -> expr(s.value());
                case Name n -> {
                    addDef(n.id(), n.ctx() == Ctx.LOAD ? USE : DEF_LOCAL, n.pos());
                    if (n.ctx() == Ctx.LOAD && cur.kind == Kind.FUNCTION && n.id().equals("super")) {
                        addDef("__class__", USE, n.pos());
                    }
                }
                case ListExpr l -> exprs(l.elts());
                case Tuple t -> exprs(t.elts());
                case Slice s -> {
                    if (s.lower() != null) expr(s.lower());
                    if (s.upper() != null) expr(s.upper());
                    if (s.step() != null) expr(s.step());
                }
            }
        }

        RuntimeException yieldInComprehension(Pos pos) {
            String what = switch (cur.comprehension) {
                case LIST -> "list comprehension";
                case SET -> "set comprehension";
                case DICT -> "dict comprehension";
                default -> "generator expression";
            };
            return error("'yield' inside " + what, pos);
        }

        void extendNamedExprScope(NamedExpr n) {
            if (!(n.target() instanceof Name target)) return;
            String name = target.id();
            for (int i = stack.size() - 1; i >= 0; i--) {
                Scope s = stack.get(i);
                if (s.comprehension != Comprehension.NONE) {
                    if ((s.flags(mangle(privateName, name)) & DEF_COMP_ITER) != 0) {
                        throw error("assignment expression cannot rebind comprehension iteration variable '" + name + "'",
                                target.pos());
                    }
                    continue;
                }
                if (s.kind == Kind.FUNCTION) {
                    if ((s.flags(mangle(privateName, name)) & DEF_GLOBAL) != 0) addDef(name, DEF_GLOBAL, n.pos());
                    else addDef(name, DEF_NONLOCAL, n.pos());
                    cur.directives.putIfAbsent(mangle(privateName, name), n.pos());
                    addDef(name, DEF_LOCAL, s, n.pos());
                    return;
                }
                if (s.kind == Kind.MODULE) {
                    addDef(name, DEF_GLOBAL, n.pos());
                    cur.directives.putIfAbsent(mangle(privateName, name), n.pos());
                    addDef(name, DEF_GLOBAL, s, n.pos());
                    return;
                }
                if (s.kind == Kind.CLASS) {
                    throw error("assignment expression within a comprehension cannot be used in a class body",
                            target.pos());
                }
            }
        }

        void comprehension(Expr node, String name, List<Ast.Comprehension> gens, Expr elt, Expr value,
                Comprehension kind) {
            Ast.Comprehension outer = gens.get(0);
            cur.compIterExpr++;
            expr(outer.iter());
            cur.compIterExpr--;
            enter(Kind.FUNCTION, name, node);
            cur.comprehension = kind;
            if (outer.isAsync()) cur.coroutine = true;
            addDef(".0", DEF_PARAM, node.pos());
            cur.compIterTarget = 1;
            expr(outer.target());
            cur.compIterTarget = 0;
            exprs(outer.ifs());
            for (int i = 1; i < gens.size(); i++) {
                Ast.Comprehension g = gens.get(i);
                cur.compIterTarget = 1;
                expr(g.target());
                cur.compIterTarget = 0;
                cur.compIterExpr++;
                expr(g.iter());
                cur.compIterExpr--;
                exprs(g.ifs());
                if (g.isAsync()) cur.coroutine = true;
            }
            if (value != null) expr(value);
            expr(elt);
            boolean isGenerator = kind == Comprehension.GENERATOR;
            cur.generator = isGenerator;
            boolean isAsync = cur.coroutine && !isGenerator;
            exit();
            if (isAsync && !(cur.kind == Kind.FUNCTION && cur.coroutine) && cur.comprehension == Comprehension.NONE) {
                throw error("asynchronous comprehension outside of an asynchronous function", node.pos());
            }
        }
    }

    // ---- pass 2: resolve scopes -------------------------------------------------------------

    private void analyze(Errors errors) {
        Set<String> free = new HashSet<>();
        Set<String> global = new HashSet<>();
        analyzeBlock(top, null, free, global, errors);
    }

    /**
     * Resolves {@code s}. {@code bound}: names bound in enclosing function scopes (null at module
     * level); {@code free}: receives the free names of {@code s} and its children; {@code global}:
     * names declared global in enclosing scopes. The caller's sets are copies it may discard.
     */
    private void analyzeBlock(Scope s, Set<String> bound, Set<String> free, Set<String> global, Errors errors) {
        Set<String> local = new HashSet<>();
        Set<String> newGlobal = new HashSet<>(), newFree = new HashSet<>(), newBound = new HashSet<>();
        if (s.kind == Kind.CLASS) {
            newGlobal.addAll(global);
            if (bound != null) newBound.addAll(bound);
        }
        for (Map.Entry<String, Integer> e : s.symbols.entrySet()) {
            analyzeName(s, e.getKey(), e.getValue(), bound, local, free, global, errors);
        }
        if (s.kind != Kind.CLASS) {
            if (s.kind == Kind.FUNCTION) newBound.addAll(local);
            if (bound != null) newBound.addAll(bound);
            newGlobal.addAll(global);
        } else {
            newBound.add("__class__");
        }
        for (Scope c : s.children) {
            Set<String> childFree = new HashSet<>();
            analyzeBlock(c, new HashSet<>(newBound), childFree, new HashSet<>(newGlobal), errors);
            newFree.addAll(childFree);
        }
        if (s.kind == Kind.FUNCTION) {
            for (Map.Entry<String, ScopeKind> e : s.scopes.entrySet()) {
                if (e.getValue() == ScopeKind.LOCAL && newFree.remove(e.getKey())) e.setValue(ScopeKind.CELL);
            }
        } else if (s.kind == Kind.CLASS) {
            if (newFree.remove("__class__")) s.needsClassClosure = true;
        }
        // Free names of children pass through this scope (or become DEF_FREE_CLASS in a class).
        for (String name : newFree) {
            Integer flags = s.symbols.get(name);
            if (flags != null) {
                if (s.kind == Kind.CLASS && (flags & (DEF_BOUND | DEF_GLOBAL)) != 0) {
                    s.symbols.put(name, flags | DEF_FREE_CLASS);
                }
                continue;
            }
            if (bound != null && !bound.contains(name)) continue;
            s.symbols.put(name, 0);
            s.scopes.put(name, ScopeKind.FREE);
        }
        free.addAll(newFree);
    }

    private void analyzeName(Scope s, String name, int flags, Set<String> bound, Set<String> local, Set<String> free,
            Set<String> global, Errors errors) {
        if ((flags & DEF_GLOBAL) != 0) {
            if ((flags & DEF_NONLOCAL) != 0) {
                throw errors.error("name '" + name + "' is nonlocal and global", s.directives.get(name));
            }
            s.scopes.put(name, ScopeKind.GLOBAL_EXPLICIT);
            global.add(name);
            if (bound != null) bound.remove(name);
        } else if ((flags & DEF_NONLOCAL) != 0) {
            if (bound == null) {
                throw errors.error("nonlocal declaration not allowed at module level", s.directives.get(name));
            }
            if (!bound.contains(name)) {
                throw errors.error("no binding for nonlocal '" + name + "' found", s.directives.get(name));
            }
            s.scopes.put(name, ScopeKind.FREE);
            free.add(name);
        } else if ((flags & DEF_BOUND) != 0) {
            s.scopes.put(name, ScopeKind.LOCAL);
            local.add(name);
            global.remove(name);
        } else if (bound != null && bound.contains(name)) {
            s.scopes.put(name, ScopeKind.FREE);
            free.add(name);
        } else {
            s.scopes.put(name, ScopeKind.GLOBAL_IMPLICIT);
        }
    }
}
