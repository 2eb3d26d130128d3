package io.xsbuild.spec;

import java.util.HashMap;
import java.util.Map;

/**
 * The simple part of rpm's macro language, enough for the Name, Version and Source lines of ordinary specs:
 * {@code %name}, {@code %{name}}, {@code %{?name}}, {@code %{!?name}}, {@code %{?name:text}},
 * {@code %{!?name:text}} and {@code %%}, over macros defined without arguments. Shell ({@code %(...)}),
 * Lua, {@code %{expand:...}} and parametric macros are not evaluated.
 */
public final class Macros {

    private static final int MAX_DEPTH = 32;

    private final Map<String, String> definitions;

    public Macros(Map<String, String> definitions) {
        this.definitions = Map.copyOf(definitions);
    }

    public Macros with(String name, String body) {
        Map<String, String> more = new HashMap<>(definitions);
        more.put(name, body);
        return new Macros(more);
    }

    public boolean isDefined(String name) {
        return definitions.containsKey(name);
    }

    /** Expands {@code text} fully; an undefined or unsupported macro is an {@link UnexpandableException}. */
    public String expand(String text) throws UnexpandableException {
        return expand(text, false, 0);
    }

    /** Expands the macros defined here and leaves every other one as written. */
    public String expandDefined(String text) {
        try {
            return expand(text, true, 0);
        } catch (UnexpandableException e) {
            throw new IllegalStateException("expanding only defined macros cannot fail", e);
        }
    }

    private String expand(String text, boolean keepUnknown, int depth) throws UnexpandableException {
        if (depth > MAX_DEPTH) {
            throw new UnexpandableException(text, "macros nest too deep (a recursive definition?)");
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '%' || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == '%') {
                out.append(keepUnknown ? "%%" : "%");
                i += 2;
            } else if (next == '{') {
                int end = closingBrace(text, i + 1);
                if (end < 0) {
                    throw new UnexpandableException(text, "an unclosed %{");
                }
                out.append(braced(text.substring(i, end + 1), text.substring(i + 2, end), keepUnknown, depth));
                i = end + 1;
            } else if (Character.isLetter(next) || next == '_') {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                String name = text.substring(i + 1, end);
                out.append(value(text.substring(i, end), name, keepUnknown, depth));
                i = end;
            } else if (next == '(' || next == '[') {
                if (!keepUnknown) {
                    throw new UnexpandableException(text, "shell and expression macros (%( and %[) are not evaluated");
                }
                out.append(c);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String braced(String whole, String inner, boolean keepUnknown, int depth) throws UnexpandableException {
        boolean negate = false;
        boolean conditional = false;
        String body = inner;
        while (!body.isEmpty() && (body.charAt(0) == '?' || body.charAt(0) == '!')) {
            if (body.charAt(0) == '?') {
                conditional = true;
            } else {
                negate = true;
            }
            body = body.substring(1);
        }
        int colon = body.indexOf(':');
        String name = colon < 0 ? body : body.substring(0, colon);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            if (keepUnknown) {
                return whole;
            }
            throw new UnexpandableException(whole, "only simple macros are evaluated");
        }
        if (!conditional) {
            if (negate || colon >= 0) {
                if (keepUnknown) {
                    return whole;
                }
                throw new UnexpandableException(whole, "%{" + name + ":...} is a built-in xsbuild does not evaluate");
            }
            return value(whole, name, keepUnknown, depth);
        }
        if (keepUnknown && !isDefined(name)) {
            return whole;
        }
        boolean take = isDefined(name) != negate;
        if (!take) {
            return "";
        }
        return colon < 0 ? expand(definitions.getOrDefault(name, ""), keepUnknown, depth + 1)
                : expand(body.substring(colon + 1), keepUnknown, depth + 1);
    }

    private String value(String whole, String name, boolean keepUnknown, int depth) throws UnexpandableException {
        String body = definitions.get(name);
        if (body == null) {
            if (keepUnknown) {
                return whole;
            }
            throw new UnexpandableException(whole, "%{" + name + "} is not defined in the spec");
        }
        return expand(body, keepUnknown, depth + 1);
    }

    private static int closingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** A macro that cannot be expanded without rpm: undefined, or beyond the simple forms. */
    public static final class UnexpandableException extends Exception {
        private final String text;

        UnexpandableException(String text, String reason) {
            super(reason);
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
