package dev.gilt.interp.compile;

import dev.gilt.interp.bytecode.CodeBuilder;
import dev.gilt.interp.bytecode.CodeBuilder.Block;
import dev.gilt.interp.bytecode.CodeBuilder.Loc;
import dev.gilt.interp.bytecode.Opcode;
import dev.gilt.interp.parse.Ast.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Code generation for {@code match} statements, in CPython 3.12's shape.
 *
 * <p>While a pattern is matched the stack holds, from the bottom: the subject (copied for each
 * case but the last), the values captured so far (one per name in {@link PCtx#stores}, in that
 * order), and {@link PCtx#onTop} temporaries the current pattern still needs. A failed test jumps
 * to the "fail pop" block that pops exactly the captures and temporaries then on the stack: block
 * {@code failPop[n]} pops n items and falls into {@code failPop[n-1]}, down to {@code failPop[0]}
 * which is where the next case starts. On success the captures are stored in order.
 */
abstract class PatternCompiler extends ExprCompiler {
    PatternCompiler(String filename, Symtable st, int flags, int optimize, boolean interactive, String source) {
        super(filename, st, flags, optimize, interactive, source);
    }

    /** CPython's pattern_context. */
    private static final class PCtx {
        List<String> stores = new ArrayList<>();
        boolean allowIrrefutable;
        List<Block> failPop = new ArrayList<>();
        int onTop;
    }

    private static boolean isWildcard(Pattern p) {
        return p instanceof MatchAs a && a.pattern() == null && a.name() == null;
    }

    private static boolean isStarWildcard(Pattern p) {
        return p instanceof MatchStar s && s.name() == null;
    }

    void match(Match s) {
        visitExpr(s.subject());
        Block end = newBlock();
        List<MatchCase> cases = s.cases();
        int n = cases.size();
        MatchCase last = cases.get(n - 1);
        boolean hasDefault = isWildcard(last.pattern()) && n > 1;
        PCtx pc = new PCtx();
        for (int i = 0; i < n - (hasDefault ? 1 : 0); i++) {
            MatchCase m = cases.get(i);
            Loc ploc = loc(m.pattern().pos());
            boolean lastCase = i == n - (hasDefault ? 1 : 0) - 1;
            // Only copy the subject if this is not the last case.
            if (!lastCase) op(Opcode.COPY, 1, ploc);
            pc.stores = new ArrayList<>();
            // Irrefutable cases must be either guarded, last, or both.
            pc.allowIrrefutable = m.guard() != null || i == n - 1;
            pc.failPop = new ArrayList<>();
            pc.onTop = 0;
            pattern(m.pattern(), pc);
            // A match: store the captured names (they are on the stack).
            for (String name : pc.stores) nameop(name, Ctx.STORE, ploc);
            if (m.guard() != null) {
                ensureFailPop(pc, 0);
                jumpIf(ploc, m.guard(), pc.failPop.get(0), false);
            }
            // Success: the subject is no longer needed.
            if (!lastCase) op(Opcode.POP_TOP, ploc);
            visitStmts(m.body());
            jump(CodeBuilder.JUMP, end, Loc.NONE);
            // A failure is reported at the pattern's line, not at the end of the body.
            emitAndResetFailPop(ploc, pc);
        }
        if (hasDefault) {
            // A trailing "case _:" saves some pushing and popping above.
            Loc ploc = loc(last.pattern().pos());
            if (n == 1) op(Opcode.POP_TOP, ploc);
            else op(Opcode.NOP, ploc);
            if (last.guard() != null) jumpIf(ploc, last.guard(), end, false);
            visitStmts(last.body());
        }
        use(end);
    }

    private void ensureFailPop(PCtx pc, int n) {
        while (pc.failPop.size() < n + 1) pc.failPop.add(newBlock());
    }

    /** Jumps with {@code op} to the block popping everything this pattern has pushed. */
    private void jumpToFailPop(Loc loc, PCtx pc, Opcode jumpOp) {
        int pops = pc.onTop + pc.stores.size();
        ensureFailPop(pc, pops);
        jump(jumpOp, pc.failPop.get(pops), loc);
    }

    private void jumpToFailPop(Loc loc, PCtx pc) {
        int pops = pc.onTop + pc.stores.size();
        ensureFailPop(pc, pops);
        jump(CodeBuilder.JUMP, pc.failPop.get(pops), loc);
    }

    private void emitAndResetFailPop(Loc loc, PCtx pc) {
        if (pc.failPop.isEmpty()) return;
        for (int k = pc.failPop.size() - 1; k > 0; k--) {
            use(pc.failPop.get(k));
            op(Opcode.POP_TOP, loc);
        }
        use(pc.failPop.get(0));
        pc.failPop = new ArrayList<>();
    }

    /** Duplicates 3.10's ROT_N with SWAPs: moves TOS down {@code count - 1} places. */
    private void rotate(Loc loc, int count) {
        while (count > 1) op(Opcode.SWAP, count--, loc);
    }

    private void storeName(Loc loc, String name, PCtx pc) {
        if (name == null) {
            op(Opcode.POP_TOP, loc);
            return;
        }
        checkForbidden(name, Ctx.STORE, loc);
        if (pc.stores.contains(name)) throw error("multiple assignments to name '" + name + "' in pattern", loc);
        // Rotate the value underneath the items that must stay on top.
        rotate(loc, pc.onTop + pc.stores.size() + 1);
        pc.stores.add(name);
    }

    private void pattern(Pattern p, PCtx pc) {
        Loc loc = loc(p.pos());
        switch (p) {
            case MatchValue v -> {
                if (!(v.value() instanceof Constant || v.value() instanceof Attribute)) {
                    throw error("patterns may only match literals and attribute lookups", loc);
                }
                visitExpr(v.value());
                op(Opcode.COMPARE_OP, Opcode.Compare.EQ, loc);
                jumpToFailPop(loc, pc, Opcode.POP_JUMP_IF_FALSE);
            }
            case MatchSingleton v -> {
                loadConst(v.value(), loc);
                op(Opcode.IS_OP, 0, loc);
                jumpToFailPop(loc, pc, Opcode.POP_JUMP_IF_FALSE);
            }
            case MatchSequence v -> sequence(v, loc, pc);
            case MatchMapping v -> mapping(v, loc, pc);
            case MatchClass v -> classPattern(v, loc, pc);
            case MatchStar v -> storeName(loc, v.name(), pc);
            case MatchAs v -> {
                if (v.pattern() == null) {
                    if (!pc.allowIrrefutable) {
                        if (v.name() != null) {
                            throw error("name capture '" + v.name() + "' makes remaining patterns unreachable", loc);
                        }
                        throw error("wildcard makes remaining patterns unreachable", loc);
                    }
                    storeName(loc, v.name(), pc);
                    return;
                }
                // Keep a copy to store if the sub-pattern matches.
                pc.onTop++;
                op(Opcode.COPY, 1, loc);
                pattern(v.pattern(), pc);
                pc.onTop--;
                storeName(loc, v.name(), pc);
            }
            case MatchOr v -> or(v, loc, pc);
        }
    }

    /** Like {@link #pattern} but irrefutable sub-patterns are allowed. */
    private void subpattern(Pattern p, PCtx pc) {
        boolean saved = pc.allowIrrefutable;
        pc.allowIrrefutable = true;
        pattern(p, pc);
        pc.allowIrrefutable = saved;
    }

    private void sequence(MatchSequence p, Loc loc, PCtx pc) {
        List<Pattern> patterns = p.patterns();
        int size = patterns.size();
        int star = -1;
        boolean onlyWildcard = true, starWildcard = false;
        for (int i = 0; i < size; i++) {
            Pattern q = patterns.get(i);
            if (q instanceof MatchStar) {
                if (star >= 0) throw error("multiple starred names in sequence pattern", loc);
                starWildcard = isStarWildcard(q);
                onlyWildcard &= starWildcard;
                star = i;
                continue;
            }
            onlyWildcard &= isWildcard(q);
        }
        // The subject stays on top during the sequence and length checks.
        pc.onTop++;
        op(Opcode.MATCH_SEQUENCE, loc);
        jumpToFailPop(loc, pc, Opcode.POP_JUMP_IF_FALSE);
        if (star < 0) {
            op(Opcode.GET_LEN, loc);
            loadConst((long) size, loc);
            op(Opcode.COMPARE_OP, Opcode.Compare.EQ, loc);
            jumpToFailPop(loc, pc, Opcode.POP_JUMP_IF_FALSE);
        } else if (size > 1) {
            // A star: len(subject) >= size - 1 (always true for a lone star).
            op(Opcode.GET_LEN, loc);
            loadConst((long) (size - 1), loc);
            op(Opcode.COMPARE_OP, Opcode.Compare.GE, loc);
            jumpToFailPop(loc, pc, Opcode.POP_JUMP_IF_FALSE);
        }
        pc.onTop--;
        if (onlyWildcard) {
            op(Opcode.POP_TOP, loc);
        } else if (starWildcard) {
            sequenceSubscr(loc, patterns, star, pc);
        } else {
            sequenceUnpack(loc, patterns, pc);
        }
    }

    private void sequenceUnpack(Loc loc, List<Pattern> patterns, PCtx pc) {
        int n = patterns.size();
        boolean seenStar = false;
        for (int i = 0; i < n; i++) {
            if (patterns.get(i) instanceof MatchStar) {
                if (i >= (1 << 8) || n - i - 1 >= (Integer.MAX_VALUE >> 8)) {
                    throw error("too many expressions in star-unpacking sequence pattern", loc);
                }
                op(Opcode.UNPACK_EX, i + ((n - i - 1) << 8), loc);
                seenStar = true;
                break;
            }
        }
        if (!seenStar) op(Opcode.UNPACK_SEQUENCE, n, loc);
        // The new subjects stay on the stack while each sub-pattern is matched.
        pc.onTop += n;
        for (Pattern q : patterns) {
            pc.onTop--;
            subpattern(q, pc);
        }
    }

    /** [first, *_, last]: index the subject instead of unpacking it. */
    private void sequenceSubscr(Loc loc, List<Pattern> patterns, int star, PCtx pc) {
        pc.onTop++;
        int size = patterns.size();
        for (int i = 0; i < size; i++) {
            Pattern q = patterns.get(i);
            if (isWildcard(q) || i == star) continue;
            op(Opcode.COPY, 1, loc);
            if (i < star) {
                loadConst((long) i, loc);
            } else {
                // The subject may not support negative indexes: compute len - k.
                op(Opcode.GET_LEN, loc);
                loadConst((long) (size - i), loc);
                op(Opcode.BINARY_OP, Opcode.BinaryOps.SUBTRACT, loc);
            }
            op(Opcode.BINARY_SUBSCR, loc);
            subpattern(q, pc);
        }
        pc.onTop--;
        op(Opcode.POP_TOP, loc);
    }

    private void mapping(MatchMapping p, Loc loc, PCtx pc) {
        List<Expr> keys = p.keys();
        List<Pattern> patterns = p.patterns();
        int size = keys.size();
        if (size != patterns.size()) {
            throw error("keys (" + size + ") / patterns (" + patterns.size() + ") length mismatch in mapping pattern", loc);
        }
        String rest = p.rest();
        pc.onTop++;
        op(Opcode.MATCH_MAPPING, loc);
        jumpToFailPop(loc, pc, Opcode.POP_JUMP_IF_FALSE);
        if (size == 0 && rest == null) {
            pc.onTop--;
            op(Opcode.POP_TOP, loc);
            return;
        }
        if (size > 0) {
            op(Opcode.GET_LEN, loc);
            loadConst((long) size, loc);
            op(Opcode.COMPARE_OP, Opcode.Compare.GE, loc);
            jumpToFailPop(loc, pc, Opcode.POP_JUMP_IF_FALSE);
        }
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < size; i++) {
            Expr key = keys.get(i);
            if (key == null) {
                throw error("can't use NULL keys in MatchMapping (set 'rest' parameter instead)",
                        loc(patterns.get(i).pos()));
            }
            if (key instanceof Constant c) {
                Object k = constKey(c.value());
                if (!seen.add(k)) {
                    throw error("mapping pattern checks duplicate key (" + dev.gilt.interp.bytecode.Disassembler.repr(
                            toPy(c.value())) + ")", loc);
                }
            } else if (!(key instanceof Attribute)) {
                throw error("mapping pattern keys may only match literals and attribute lookups", loc);
            }
            visitExpr(key);
        }
        op(Opcode.BUILD_TUPLE, size, loc);
        op(Opcode.MATCH_KEYS, loc);
        // A tuple of keys and a tuple of values are now on top of the subject.
        pc.onTop += 2;
        op(Opcode.COPY, 1, loc);
        loadConst(Const.NONE, loc);
        op(Opcode.IS_OP, 1, loc);
        jumpToFailPop(loc, pc, Opcode.POP_JUMP_IF_FALSE);
        op(Opcode.UNPACK_SEQUENCE, size, loc);
        pc.onTop += size - 1;
        for (int i = 0; i < size; i++) {
            pc.onTop--;
            subpattern(patterns.get(i), pc);
        }
        pc.onTop -= 2;
        if (rest != null) {
            // rest = dict(subject); for key in keys: del rest[key]
            op(Opcode.BUILD_MAP, 0, loc);
            op(Opcode.SWAP, 3, loc);
            op(Opcode.DICT_UPDATE, 2, loc);
            op(Opcode.UNPACK_SEQUENCE, size, loc);
            while (size > 0) {
                op(Opcode.COPY, 1 + size--, loc);
                op(Opcode.SWAP, 2, loc);
                op(Opcode.DELETE_SUBSCR, loc);
            }
            storeName(loc, rest, pc);
        } else {
            op(Opcode.POP_TOP, loc);
            op(Opcode.POP_TOP, loc);
        }
    }

    /** Equality of constant keys as a set of Python constants sees it (1 == 1.0 == True). */
    private static Object constKey(Object v) {
        if (v instanceof Boolean b) return java.math.BigInteger.valueOf(b ? 1 : 0);
        if (ConstFolder.isInt(v)) return ConstFolder.big(v);
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return new java.math.BigDecimal(d).toBigInteger();
        }
        if (v instanceof Bytes b) return java.nio.ByteBuffer.wrap(b.value());
        return v;
    }

    private void classPattern(MatchClass p, Loc loc, PCtx pc) {
        List<Pattern> patterns = p.patterns();
        List<String> attrs = p.kwdAttrs();
        List<Pattern> kwdPatterns = p.kwdPatterns();
        int nargs = patterns.size(), nattrs = attrs.size();
        if (nattrs != kwdPatterns.size()) {
            throw error("kwd_attrs (" + nattrs + ") / kwd_patterns (" + kwdPatterns.size()
                    + ") length mismatch in class pattern", loc);
        }
        for (int i = 0; i < nattrs; i++) {
            String attr = attrs.get(i);
            checkForbidden(attr, Ctx.STORE, loc(kwdPatterns.get(i).pos()));
            for (int j = i + 1; j < nattrs; j++) {
                if (attr.equals(attrs.get(j))) {
                    throw error("attribute name repeated in class pattern: " + attr, loc(kwdPatterns.get(j).pos()));
                }
            }
        }
        visitExpr(p.cls());
        loadConst(new ArrayList<Object>(attrs), loc);
        op(Opcode.MATCH_CLASS, nargs, loc);
        op(Opcode.COPY, 1, loc);
        loadConst(Const.NONE, loc);
        op(Opcode.IS_OP, 1, loc);
        // TOS is now a tuple of (nargs + nattrs) attributes, or None.
        pc.onTop++;
        jumpToFailPop(loc, pc, Opcode.POP_JUMP_IF_FALSE);
        op(Opcode.UNPACK_SEQUENCE, nargs + nattrs, loc);
        pc.onTop += nargs + nattrs - 1;
        for (int i = 0; i < nargs + nattrs; i++) {
            pc.onTop--;
            Pattern q = i < nargs ? patterns.get(i) : kwdPatterns.get(i - nargs);
            if (isWildcard(q)) {
                op(Opcode.POP_TOP, loc);
                continue;
            }
            subpattern(q, pc);
        }
    }

    private void or(MatchOr p, Loc loc, PCtx pc) {
        Block end = newBlock();
        List<Pattern> alts = p.patterns();
        int size = alts.size();
        // Each alternative runs with a fresh context; the original is restored afterwards.
        List<String> oldStores = pc.stores;
        boolean oldAllow = pc.allowIrrefutable;
        List<Block> oldFailPop = pc.failPop;
        int oldOnTop = pc.onTop;
        List<String> control = null;
        for (int i = 0; i < size; i++) {
            Pattern alt = alts.get(i);
            Loc aloc = loc(alt.pos());
            pc.stores = new ArrayList<>();
            // An irrefutable alternative must be last, if it is allowed at all.
            pc.allowIrrefutable = i == size - 1 && oldAllow;
            pc.failPop = new ArrayList<>();
            pc.onTop = 0;
            op(Opcode.COPY, 1, aloc);
            pattern(alt, pc);
            int nstores = pc.stores.size();
            if (i == 0) {
                control = pc.stores;
            } else if (nstores != control.size()) {
                throw error("alternative patterns bind different names", loc);
            } else if (nstores > 0) {
                // Same names, maybe captured in another order: reorder the stack to match control.
                for (int icontrol = nstores - 1; icontrol >= 0; icontrol--) {
                    String name = control.get(icontrol);
                    int istores = pc.stores.indexOf(name);
                    if (istores < 0) throw error("alternative patterns bind different names", loc);
                    if (icontrol != istores) {
                        int rotations = istores + 1;
                        List<String> rotated = new ArrayList<>(pc.stores.subList(0, rotations));
                        pc.stores.subList(0, rotations).clear();
                        pc.stores.addAll(icontrol - istores, rotated);
                        while (rotations-- > 0) rotate(aloc, icontrol + 1);
                    }
                }
            }
            jump(CodeBuilder.JUMP, end, aloc);
            emitAndResetFailPop(aloc, pc);
        }
        pc.stores = oldStores;
        pc.allowIrrefutable = oldAllow;
        pc.failPop = oldFailPop;
        pc.onTop = oldOnTop;
        // No alternative matched: pop the remaining copy of the subject and fail.
        op(Opcode.POP_TOP, loc);
        jumpToFailPop(loc, pc);
        use(end);
        int nstores = control.size();
        // Move each capture below the other captures, the subject copy, the temporaries and the
        // earlier captures.
        int nrots = nstores + 1 + pc.onTop + pc.stores.size();
        for (int i = 0; i < nstores; i++) {
            rotate(loc, nrots);
            String name = control.get(i);
            if (pc.stores.contains(name)) throw error("multiple assignments to name '" + name + "' in pattern", loc);
            pc.stores.add(name);
        }
        // Pop the copy of the subject.
        op(Opcode.POP_TOP, loc);
    }
}
