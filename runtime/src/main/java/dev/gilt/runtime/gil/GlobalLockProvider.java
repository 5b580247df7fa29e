package dev.gilt.runtime.gil;

import java.util.Map;

/**
 * Makes a {@link GlobalLock} design selectable by name ({@code -X gil=NAME}). Providers are found
 * with {@link java.util.ServiceLoader}: a jar on the class path lists its provider class in
 * {@code META-INF/services/dev.gilt.runtime.gil.GlobalLockProvider}. Built-in names win over a
 * provider that reuses one. See docs/GIL.md.
 */
public interface GlobalLockProvider {
    /** The name users select ({@code -X gil=NAME}); lower case, no spaces. */
    String name();

    /**
     * A new lock. {@code options} holds start-up settings as strings: {@code switchinterval}
     * (seconds, from {@code -X switchinterval=}) and {@code checkinterval} (ticks), when given;
     * unknown keys are ignored.
     */
    GlobalLock create(Map<String, String> options);

    /** One line for error messages and docs. */
    default String description() {
        return "";
    }
}
