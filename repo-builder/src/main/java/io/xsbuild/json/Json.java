package io.xsbuild.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A small JSON writer for xsbuild's own results (result.json, snapshot.json, {@code --json}).
 * Writes maps, iterables, arrays of objects, strings, numbers, booleans, null, paths, instants,
 * optionals and records (their components in declaration order, leaving out exceptions). Keys of
 * maps keep their order.
 */
public final class Json {

    private Json() {
    }

    /** The value as compact JSON. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, -1, 0);
        return out.toString();
    }

    /** The value as JSON indented by two spaces, ending with a newline. */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, 2, 0);
        return out.append('\n').toString();
    }

    private static void append(StringBuilder out, Object value, int indent, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(out, s);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                out.append("null");
            } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                out.append((long) d);
            } else {
                out.append(value);
            }
        } else if (value instanceof Number n) {
            out.append(n);
        } else if (value instanceof Optional<?> o) {
            append(out, o.orElse(null), indent, depth);
        } else if (value instanceof Path || value instanceof Instant || value instanceof Enum<?>
                || value instanceof CharSequence) {
            quote(out, value.toString());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                first = separator(out, first, indent, depth + 1);
                quote(out, String.valueOf(e.getKey()));
                out.append(indent < 0 ? ":" : ": ");
                append(out, e.getValue(), indent, depth + 1);
            }
            close(out, '}', first, indent, depth);
        } else if (value instanceof Iterable<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                first = separator(out, first, indent, depth + 1);
                append(out, item, indent, depth + 1);
            }
            close(out, ']', first, indent, depth);
        } else if (value instanceof Object[] items) {
            append(out, java.util.Arrays.asList(items), indent, depth);
        } else if (value.getClass().isRecord()) {
            out.append('{');
            boolean first = true;
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                if (Throwable.class.isAssignableFrom(c.getType())) {
                    continue; // an exception is how a result came about, not part of it
                }
                first = separator(out, first, indent, depth + 1);
                quote(out, c.getName());
                out.append(indent < 0 ? ":" : ": ");
                append(out, component(value, c), indent, depth + 1);
            }
            close(out, '}', first, indent, depth);
        } else {
            quote(out, value.toString());
        }
    }

    private static Object component(Object record, RecordComponent c) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass(), e);
        }
    }

    private static boolean separator(StringBuilder out, boolean first, int indent, int depth) {
        if (!first) {
            out.append(',');
        }
        if (indent >= 0) {
            out.append('\n').append(" ".repeat(indent * depth));
        }
        return false;
    }

    private static void close(StringBuilder out, char bracket, boolean empty, int indent, int depth) {
        if (!empty && indent >= 0) {
            out.append('\n').append(" ".repeat(indent * depth));
        }
        out.append(bracket);
    }

    /** Appends {@code s} as a JSON string literal. */
    public static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Writes {@code value} pretty-printed to {@code file} through a temporary file and a rename. */
    public static void writeFile(Path file, Object value) {
        try {
            io.xsbuild.io.AtomicFiles.writeString(file, pretty(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
