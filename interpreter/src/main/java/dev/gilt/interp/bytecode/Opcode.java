package dev.gilt.interp.bytecode;

/**
 * The instruction set: the single source of truth for the compiler, the VM loop, {@code dis} and
 * the JIT. Names and meanings follow CPython 3.12 (3.11 where noted); numbering is ours.
 *
 * <h2>Encoding</h2>
 * A code object's instructions are an {@code int[]}: bits 0-7 hold {@link #ordinal()}, bits 8-31
 * the unsigned argument (so no EXTENDED_ARG is needed). Jump arguments are the <em>absolute</em>
 * index of the target instruction. {@code dis} shows offsets as CPython does: two bytes per
 * instruction plus two per inline cache entry ({@link #cacheEntries}), so its numbers line up with
 * CPython 3.12's output.
 *
 * <h2>Stack pictures and refcounts</h2>
 * Each constant's Javadoc gives "Pops: ... Pushes: ..." (top of stack rightmost). Unless stated,
 * an instruction releases (decrefs) everything it pops, pushes new references, and on error
 * releases its inputs before raising. "NULL" is a Java null slot used by the call protocol.
 *
 * <h2>Call protocol (3.12)</h2>
 * A call site holds {@code [callable_or_null_slot, self_or_callable, args..., ]}: either
 * {@code [NULL, f, a0..an-1]} (plain call) or {@code [meth, self, a0..an-1]} (a method loaded by
 * LOAD_ATTR with the method bit, called with {@code self} as first argument). KW_NAMES before CALL
 * names the last {@code len(kwnames)} arguments.
 */
public enum Opcode {
    /** Does nothing. */
    NOP(Arg.NONE, 0, 0),
    /** Function entry / resume point: checks the eval breaker. arg: 0 start, 1 after yield, 2 after yield from, 3 after await. */
    RESUME(Arg.INT, 0, 0),
    /** Pops: x. */
    POP_TOP(Arg.NONE, 0, -1),
    /** Pushes: NULL. */
    PUSH_NULL(Arg.NONE, 0, 1),
    /** End of a for loop body target; pops: iterator, value (only reached by jumps that skip the normal exit). */
    END_FOR(Arg.NONE, 0, -2),
    /** Pops: a, b. Pushes: b (drops the second item). */
    END_SEND(Arg.NONE, 0, -1),
    /** Pushes: co_consts[arg]. */
    LOAD_CONST(Arg.CONST, 0, 1),
    /** Pops: value; returns it to the caller. */
    RETURN_VALUE(Arg.NONE, 0, -1),
    /** Returns co_consts[arg]. */
    RETURN_CONST(Arg.CONST, 0, 0),
    /** Pushes: a new reference to the item {@code arg} slots down (1 = top). */
    COPY(Arg.INT, 0, 1),
    /** Swaps the top with the item {@code arg} slots down (arg >= 2). */
    SWAP(Arg.INT, 0, 0),

    /** Pops: v. Pushes: -v. */
    UNARY_NEGATIVE(Arg.NONE, 0, 0),
    /** Pops: v. Pushes: not v (a bool). */
    UNARY_NOT(Arg.NONE, 0, 0),
    /** Pops: v. Pushes: ~v. */
    UNARY_INVERT(Arg.NONE, 0, 0),
    /** Pops: lhs, rhs. Pushes: lhs OP rhs, OP = {@link BinaryOps} entry {@code arg} (inplace variants included). */
    BINARY_OP(Arg.BINOP, 1, -1),
    /** Pops: container, key. Pushes: container[key]. */
    BINARY_SUBSCR(Arg.NONE, 1, -1),
    /** Pops: value, container, key. Performs container[key] = value. */
    STORE_SUBSCR(Arg.NONE, 1, -3),
    /** Pops: container, key. Performs del container[key]. */
    DELETE_SUBSCR(Arg.NONE, 0, -2),
    /** Pops: container, start, stop. Pushes: container[start:stop]. */
    BINARY_SLICE(Arg.NONE, 0, -2),
    /** Pops: value, container, start, stop. Performs container[start:stop] = value. */
    STORE_SLICE(Arg.NONE, 0, -4),
    /** Pops: start, stop[, step] (arg = 2 or 3). Pushes: slice. */
    BUILD_SLICE(Arg.INT, 0, 0) {
        @Override
        public int stackEffect(int arg, boolean jump) {
            return 1 - arg;
        }
    },
    /** Pops: lhs, rhs. Pushes: result of comparison {@link #COMPARE_NAMES}[arg]. */
    COMPARE_OP(Arg.COMPARE, 1, -1),
    /** Pops: lhs, rhs. Pushes: lhs is rhs (arg 0) / lhs is not rhs (arg 1). */
    IS_OP(Arg.INT, 0, -1),
    /** Pops: lhs, rhs. Pushes: lhs in rhs (arg 0) / lhs not in rhs (arg 1). */
    CONTAINS_OP(Arg.INT, 0, -1),

    /** Pops: iterable. Pushes: iter(iterable). */
    GET_ITER(Arg.NONE, 0, 0),
    /**
     * TOS is an iterator. Pushes: next(iterator). When exhausted: pops the iterator and jumps to
     * the instruction after target (target is the loop's END_FOR, which is not executed). Stack
     * analysis (as CPython) counts the jump as reaching END_FOR with [iterator, value], so that
     * END_FOR's -2 leaves the depth the VM actually has after the loop.
     */
    FOR_ITER(Arg.JUMP, 1, 1) {
        @Override
        public int stackEffect(int arg, boolean jump) {
            return jump ? -1 : 1;
        }
    },
    /** Pushes: len(TOS) (TOS stays). */
    GET_LEN(Arg.NONE, 0, 1),

    /** Pops: v. Stores names[arg] in the frame's locals mapping (module and class bodies). */
    STORE_NAME(Arg.NAME, 0, -1),
    /** Deletes names[arg] from the locals mapping. */
    DELETE_NAME(Arg.NAME, 0, 0),
    /** Pushes: names[arg] looked up in locals, then globals, then builtins. */
    LOAD_NAME(Arg.NAME, 0, 1),
    /** Pops: v. Stores it as global names[arg]. */
    STORE_GLOBAL(Arg.NAME, 0, -1),
    /** Deletes global names[arg]. */
    DELETE_GLOBAL(Arg.NAME, 0, 0),
    /** Pushes: [NULL if arg&1,] global-or-builtin names[arg>>1]. */
    LOAD_GLOBAL(Arg.GLOBAL, 4, 1) {
        @Override
        public int stackEffect(int arg, boolean jump) {
            return 1 + (arg & 1);
        }
    },
    /** Pushes: local varnames[arg]; raises UnboundLocalError if unbound. */
    LOAD_FAST(Arg.LOCAL, 0, 1),
    /** Pops: v. Stores local varnames[arg]. */
    STORE_FAST(Arg.LOCAL, 0, -1),
    /** Unbinds local varnames[arg]; UnboundLocalError if unbound. */
    DELETE_FAST(Arg.LOCAL, 0, 0),
    /** Creates a cell for localsplus[arg], moving any argument value into it. */
    MAKE_CELL(Arg.FREE, 0, 0),
    /** Copies the function's closure cells into the last arg localsplus slots. */
    COPY_FREE_VARS(Arg.INT, 0, 0),
    /** Pushes: the cell object in localsplus[arg] (for building closures). */
    LOAD_CLOSURE(Arg.FREE, 0, 1),
    /** Pushes: the contents of the cell localsplus[arg]; NameError/UnboundLocalError if empty. */
    LOAD_DEREF(Arg.FREE, 0, 1),
    /**
     * Class bodies (3.11): pushes names of localsplus[arg] from the locals mapping if present, else
     * the cell's contents.
     */
    LOAD_CLASSDEREF(Arg.FREE, 0, 1),
    /** Pops: v. Stores it into the cell localsplus[arg]. */
    STORE_DEREF(Arg.FREE, 0, -1),
    /** Empties the cell localsplus[arg]. */
    DELETE_DEREF(Arg.FREE, 0, 0),

    /**
     * Pops: owner. Pushes: owner.names[arg>>1]; with arg&1 (method load) pushes either
     * [unbound method, owner] or [NULL, attribute].
     */
    LOAD_ATTR(Arg.ATTR, 9, 0) {
        @Override
        public int stackEffect(int arg, boolean jump) {
            return arg & 1;
        }
    },
    /** Pops: value, owner. Performs owner.names[arg] = value. */
    STORE_ATTR(Arg.NAME, 4, -2),
    /** Pops: owner. Performs del owner.names[arg]. */
    DELETE_ATTR(Arg.NAME, 0, -1),

    /** Pops: arg items. Pushes: a tuple of them. */
    BUILD_TUPLE(Arg.INT, 0, 0) {
        @Override
        public int stackEffect(int arg, boolean jump) {
            return 1 - arg;
        }
    },
    /** Pops: arg items. Pushes: a list of them. */
    BUILD_LIST(Arg.INT, 0, 0) {
        @Override
        public int stackEffect(int arg, boolean jump) {
            return 1 - arg;
        }
    },
    /** Pops: arg items. Pushes: a set of them. */
    BUILD_SET(Arg.INT, 0, 0) {
        @Override
        public int stackEffect(int arg, boolean jump) {
            return 1 - arg;
        }
    },
    /** Pops: k0, v0, ..., k(arg-1), v(arg-1). Pushes: a dict. */
    BUILD_MAP(Arg.INT, 0, 0) {
        @Override
        public int stackEffect(int arg, boolean jump) {
            return 1 - 2 * arg;
        }
    },
    /** Pops: v0..v(arg-1), keys-tuple. Pushes: a dict. */
    BUILD_CONST_KEY_MAP(Arg.INT, 0, 0) {
        @Override
        public int stackEffect(int arg, boolean jump) {
            return -arg;
        }
    },
    /** Pops: arg strings. Pushes: their concatenation. */
    BUILD_STRING(Arg.INT, 0, 0) {
        @Override
        public int stackEffect(int arg, boolean jump) {
            return 1 - arg;
        }
    },
    /** Pops: v. Appends v to the list arg slots down (after the pop). */
    LIST_APPEND(Arg.INT, 0, -1),
    /** Pops: v. Adds v to the set arg slots down. */
    SET_ADD(Arg.INT, 0, -1),
    /** Pops: k, v. Sets d[k] = v on the dict arg slots down. */
    MAP_ADD(Arg.INT, 0, -2),
    /** Pops: iterable. Extends the list arg slots down. */
    LIST_EXTEND(Arg.INT, 0, -1),
    /** Pops: iterable. Updates the set arg slots down. */
    SET_UPDATE(Arg.INT, 0, -1),
    /** Pops: mapping. Updates the dict arg slots down ({**a}). */
    DICT_UPDATE(Arg.INT, 0, -1),
    /** Pops: mapping. Merges into the dict arg slots down, raising TypeError on duplicate keys (f(**a)). */
    DICT_MERGE(Arg.INT, 0, -1),
    /**
     * Pops: value[, spec if arg&4]. Pushes: format(conv(value), spec), conv = arg&3:
     * 0 none, 1 str, 2 repr, 3 ascii.
     */
    FORMAT_VALUE(Arg.FORMAT, 0, 0) {
        @Override
        public int stackEffect(int arg, boolean jump) {
            return (arg & 4) != 0 ? -1 : 0;
        }
    },
    /** Pops: seq. Pushes: its arg items, last item first (so the first is on top). */
    UNPACK_SEQUENCE(Arg.INT, 1, 0) {
        @Override
        public int stackEffect(int arg, boolean jump) {
            return arg - 1;
        }
    },
    /** Pops: seq. Pushes: (arg&0xFF) leading items, a list of the rest, (arg>>8) trailing items, in reverse. */
    UNPACK_EX(Arg.INT, 0, 0) {
        @Override
        public int stackEffect(int arg, boolean jump) {
            return (arg & 0xFF) + (arg >> 8);
        }
    },

    /** Jumps to instruction arg (forward). */
    JUMP_FORWARD(Arg.JUMP, 0, 0),
    /** Jumps to instruction arg (backward); checks the eval breaker. */
    JUMP_BACKWARD(Arg.JUMP, 0, 0),
    /** Jumps backward without checking the eval breaker (inside yield-from/await loops). */
    JUMP_BACKWARD_NO_INTERRUPT(Arg.JUMP, 0, 0),
    /** Pops: v. Jumps to arg if v is false. */
    POP_JUMP_IF_FALSE(Arg.JUMP, 0, -1),
    /** Pops: v. Jumps to arg if v is true. */
    POP_JUMP_IF_TRUE(Arg.JUMP, 0, -1),
    /** Pops: v. Jumps to arg if v is None. */
    POP_JUMP_IF_NONE(Arg.JUMP, 0, -1),
    /** Pops: v. Jumps to arg if v is not None. */
    POP_JUMP_IF_NOT_NONE(Arg.JUMP, 0, -1),

    /** Sets the keyword names (a tuple co_consts[arg]) for the next CALL. */
    KW_NAMES(Arg.CONST, 0, 0),
    /** Pops: meth-or-NULL, self-or-callable, arg args. Pushes: result. See class Javadoc. */
    CALL(Arg.INT, 3, 0) {
        @Override
        public int stackEffect(int arg, boolean jump) {
            return -1 - arg;
        }
    },
    /**
     * Pops: NULL, callable, args[, kwargs-dict if arg&1]. Pushes: result. args is a tuple, or for
     * {@code f(*x)} the iterable x itself, which the VM converts to a tuple (TypeError "... argument
     * after * must be an iterable, not T" as CPython).
     */
    CALL_FUNCTION_EX(Arg.INT, 0, 0) {
        @Override
        public int stackEffect(int arg, boolean jump) {
            return -2 - (arg & 1);
        }
    },
    /** Pops: v. Pushes: intrinsic {@link Intrinsic}[arg](v). */
    CALL_INTRINSIC_1(Arg.INTRINSIC, 0, 0),
    /**
     * Pops: [defaults-tuple if arg&1][kwdefaults-dict if arg&2][annotations if arg&4][closure-tuple
     * if arg&8], code. Pushes: a new function. The annotations are a flat tuple
     * {@code (name0, value0, name1, value1, ...)} as CPython 3.12 builds them ("return" for the
     * return annotation); the function's __annotations__ dict is made from it.
     */
    MAKE_FUNCTION(Arg.FLAGS, 0, 0) {
        @Override
        public int stackEffect(int arg, boolean jump) {
            return -Integer.bitCount(arg & 0xF);
        }
    },
    /** Pushes: builtins.__build_class__. */
    LOAD_BUILD_CLASS(Arg.NONE, 0, 1),
    /** Creates __annotations__ in the locals mapping if absent. */
    SETUP_ANNOTATIONS(Arg.NONE, 0, 0),
    /** Pops: level, fromlist. Pushes: the module __import__(names[arg], ...) returns. */
    IMPORT_NAME(Arg.NAME, 0, -1),
    /** TOS is a module (kept). Pushes: its attribute names[arg] (or the submodule). */
    IMPORT_FROM(Arg.NAME, 0, 1),

    /** Pops: arg values (0: re-raise, 1: exc, 2: exc, cause). Raises. */
    RAISE_VARARGS(Arg.INT, 0, 0) {
        @Override
        public int stackEffect(int arg, boolean jump) {
            return -arg;
        }
    },
    /** Pushes: AssertionError (the type). */
    LOAD_ASSERTION_ERROR(Arg.NONE, 0, 1),
    /**
     * Pops: exc. Pushes: previous handled exception (or None), exc; makes exc the handled one.
     * Refcounts (CPython's exc_info): the handled-exception slot owns its value; the previous
     * value's reference moves from the slot to the stack, and the slot takes a new reference to
     * exc (the compiled handler may pop exc while it is still being handled).
     */
    PUSH_EXC_INFO(Arg.NONE, 0, 1),
    /**
     * Pops: previous exception; restores it as the handled one. The popped reference moves into
     * the slot (None means no exception) and the slot's old value is released.
     */
    POP_EXCEPT(Arg.NONE, 0, -1),
    /** Pops: exc, type. Pushes: exc, isinstance-match(exc, type) (TypeError if type is not a class/tuple of). */
    CHECK_EXC_MATCH(Arg.NONE, 0, 0),
    /**
     * Pops: exc. Re-raises exc. If arg != 0, the int {@code arg} slots below exc (stack[-(arg+1)])
     * is the lasti pushed by a cleanup handler: the frame's current instruction is restored from it
     * first, so the traceback points at the original raising instruction. Stack effect -1 (the
     * exception unwinding discards the rest).
     */
    RERAISE(Arg.INT, 0, -1),
    /**
     * Stack: exit, lasti, prev_exc, exc. Pushes: exit(type(exc), exc, exc.__traceback__).
     */
    WITH_EXCEPT_START(Arg.NONE, 0, 1),
    /** Pops: manager. Pushes: bound __exit__, result of __enter__(). */
    BEFORE_WITH(Arg.NONE, 0, 1),
    /** Pops: sub_iter, last_sent_value, exc. Pushes: None, value if exc is StopIteration else re-raises. */
    CLEANUP_THROW(Arg.NONE, 0, -1),

    /**
     * First instruction of generator/coroutine code (after COPY_FREE_VARS / MAKE_CELL): creates the
     * generator object for this frame and returns it to the caller. When the generator is first
     * resumed, execution continues at the next instruction with the sent value (None) pushed, which
     * the compiler's POP_TOP discards (3.12). Stack effect +1.
     */
    RETURN_GENERATOR(Arg.NONE, 0, 1),
    /**
     * Pops: v. Yields v to the caller; on resume pushes the sent value. arg (3.12): the number of
     * exception handlers active at this point (1 = only the implicit StopIteration handler of a
     * generator body); the VM may ignore it.
     */
    YIELD_VALUE(Arg.INT, 0, 0),
    /**
     * Pops: receiver, v. Sends v into receiver (send/next). If it yields, pushes receiver, yielded;
     * if it returns, pushes receiver, return value and jumps to target (an END_SEND).
     */
    SEND(Arg.JUMP, 1, 0),
    /** Pops: iterable. Pushes: an iterator for yield from (generators/coroutines as they are). */
    GET_YIELD_FROM_ITER(Arg.NONE, 0, 0),
    /** Pops: awaitable. Pushes: its __await__ iterator. arg: 0 plain, 1 after __aenter__, 2 after __aexit__. */
    GET_AWAITABLE(Arg.INT, 0, 0),
    /** Pops: async iterable. Pushes: __aiter__(). */
    GET_AITER(Arg.NONE, 0, 0),
    /** TOS async iterator (kept). Pushes: awaitable of __anext__(). */
    GET_ANEXT(Arg.NONE, 0, 1),
    /** Pops: async iterator, exc. Swallows StopAsyncIteration, else re-raises. */
    END_ASYNC_FOR(Arg.NONE, 0, -2),
    /** Pops: manager. Pushes: bound __aexit__, awaitable of __aenter__(). */
    BEFORE_ASYNC_WITH(Arg.NONE, 0, 1),

    // ---- structural pattern matching (match statements, CPython 3.12 semantics) -------------

    /**
     * TOS is the match subject (kept). Pushes: True if it is a mapping for pattern matching
     * (its type has the MAPPING flag: dict, subclasses, collections.abc.Mapping registrants),
     * else False.
     */
    MATCH_MAPPING(Arg.NONE, 0, 1),
    /**
     * TOS is the match subject (kept). Pushes: True if it is a sequence for pattern matching
     * (its type has the SEQUENCE flag: list, tuple, range, memoryview, collections.abc.Sequence
     * registrants; never str, bytes or bytearray), else False.
     */
    MATCH_SEQUENCE(Arg.NONE, 0, 1),
    /**
     * Stack: subject, keys (a tuple), both kept. Pushes: a tuple of subject[k] for each key, looked
     * up with {@code subject.get(k, <sentinel>)} as CPython does; None if any key is missing.
     */
    MATCH_KEYS(Arg.NONE, 0, 1),
    /**
     * Pops: subject, cls, names (a tuple of keyword attribute names). arg = number of positional
     * sub-patterns. Pushes: a tuple of the arg positional attributes (named by
     * {@code cls.__match_args__}, or the subject itself for a single positional pattern against
     * bool, bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple) followed by the
     * keyword attributes, if subject is an instance of cls and has them all; else None. Raises
     * TypeError as CPython ("called match pattern must be a class", "X() accepts N positional
     * sub-patterns (M given)", "X() got multiple sub-patterns for attribute 'a'").
     */
    MATCH_CLASS(Arg.INT, 0, -2),

    // ---- except* (exception groups, CPython 3.12 semantics) ----------------------------------

    /**
     * Pops: exc, type (an exception class or tuple of them; TypeError as CPython for others, and
     * for ExceptionGroup subclasses). Pushes: rest, match. match is the part of exc that matches
     * type (exc itself wrapped in an ExceptionGroup if it is not a group but matches; exc if a
     * group matching wholly), or None; rest is what remains (None if nothing). When match is not
     * None it becomes the handled exception (as PUSH_EXC_INFO would set it, owned by the slot).
     */
    CHECK_EG_MATCH(Arg.NONE, 0, 0),
    /**
     * Pops: v1, v2 (v2 on top). Pushes: intrinsic {@link Intrinsic2}[arg](v1, v2). Used with
     * PREP_RERAISE_STAR(original exception, list of raised/unhandled exceptions): the exception
     * group to re-raise at the end of a try/except* (or None).
     */
    CALL_INTRINSIC_2(Arg.INTRINSIC, 0, -1);

    /** How dis shows an argument. */
    public enum Arg { NONE, INT, CONST, NAME, GLOBAL, ATTR, LOCAL, FREE, JUMP, BINOP, COMPARE, FORMAT, FLAGS, INTRINSIC }

    /** Operators of BINARY_OP, in CPython's NB_* order (0..12 binary, 13..25 in-place). */
    public static final String[] BINARY_OPS = {
        "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
        "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
    };

    /** BINARY_OP argument values (CPython's NB_*). */
    public static final class BinaryOps {
        private BinaryOps() {}
        public static final int ADD = 0, AND = 1, FLOOR_DIVIDE = 2, LSHIFT = 3, MATRIX_MULTIPLY = 4,
                MULTIPLY = 5, REMAINDER = 6, OR = 7, POWER = 8, RSHIFT = 9, SUBTRACT = 10,
                TRUE_DIVIDE = 11, XOR = 12, INPLACE = 13;
    }

    /** COMPARE_OP argument values. */
    public static final String[] COMPARE_NAMES = {"<", "<=", "==", "!=", ">", ">="};

    public static final class Compare {
        private Compare() {}
        public static final int LT = 0, LE = 1, EQ = 2, NE = 3, GT = 4, GE = 5;
    }

    /** CALL_INTRINSIC_1 argument values (CPython 3.12 numbering). */
    public static final class Intrinsic {
        private Intrinsic() {}
        public static final int PRINT = 1, IMPORT_STAR = 2, STOPITERATION_ERROR = 3, ASYNC_GEN_WRAP = 4,
                UNARY_POSITIVE = 5, LIST_TO_TUPLE = 6;
        public static final String[] NAMES = {"INTRINSIC_1_INVALID", "INTRINSIC_PRINT", "INTRINSIC_IMPORT_STAR",
            "INTRINSIC_STOPITERATION_ERROR", "INTRINSIC_ASYNC_GEN_WRAP", "INTRINSIC_UNARY_POSITIVE",
            "INTRINSIC_LIST_TO_TUPLE"};
    }

    /** CALL_INTRINSIC_2 argument values (CPython 3.12 numbering). */
    public static final class Intrinsic2 {
        private Intrinsic2() {}
        public static final int PREP_RERAISE_STAR = 1;
        public static final String[] NAMES = {"INTRINSIC_2_INVALID", "INTRINSIC_PREP_RERAISE_STAR"};
    }

    public final Arg argKind;
    /** Inline cache entries CPython 3.12 reserves after this instruction (for dis offsets). */
    public final int cacheEntries;
    private final int fixedEffect;

    Opcode(Arg argKind, int cacheEntries, int fixedEffect) {
        this.argKind = argKind;
        this.cacheEntries = cacheEntries;
        this.fixedEffect = fixedEffect;
    }

    private static final Opcode[] VALUES = values();

    public static Opcode of(int word) {
        return VALUES[word & 0xFF];
    }

    public static int encode(Opcode op, int arg) {
        if (arg < 0 || arg > 0xFF_FFFF) throw new IllegalArgumentException(op + " arg out of range: " + arg);
        return op.ordinal() | (arg << 8);
    }

    public static int arg(int word) {
        return word >>> 8;
    }

    /**
     * Net stack effect. {@code jump} selects the effect when the instruction jumps (it matters
     * for FOR_ITER and SEND only).
     */
    public int stackEffect(int arg, boolean jump) {
        return fixedEffect;
    }

    public boolean isJump() {
        return argKind == Arg.JUMP;
    }

    /** True if control never falls through to the next instruction. */
    public boolean isTerminator() {
        return switch (this) {
            case RETURN_VALUE, RETURN_CONST, RAISE_VARARGS, RERAISE, JUMP_FORWARD, JUMP_BACKWARD,
                    JUMP_BACKWARD_NO_INTERRUPT -> true;
            default -> false;
        };
    }
}
