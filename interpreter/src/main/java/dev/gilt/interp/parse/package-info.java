/**
 * The front end: source text to {@link dev.gilt.interp.parse.Ast} trees.
 *
 * <p>{@link dev.gilt.interp.parse.Parser#parse} is the entry point and
 * {@link dev.gilt.interp.parse.Parser#isIncomplete} serves the REPL. Inside, a {@code Lexer}
 * hands out tokens on demand (so a lexical error further down never hides an earlier syntax
 * error, as in CPython) and runs the f-string modes of PEP 701; {@code ParserBase},
 * {@code ExprParser}, {@code PatternParser} and {@code Parser} are layers of one recursive-descent
 * parser named after the rules of CPython's python.gram. Errors are
 * {@link dev.gilt.interp.parse.ParseError}s with CPython 3.12's messages and caret ranges; the
 * parser reaches them the way CPython's "invalid_" rules do, with quiet speculative parses
 * ({@code attempt}) at the point where it would otherwise report "invalid syntax".
 *
 * <p>{@link dev.gilt.interp.parse.AstDump} prints a tree as Python's {@code ast.dump} does, which
 * is how the tests compare with CPython.
 */
package dev.gilt.interp.parse;
