package io.xsbuild.snapshot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * INI text read the way Python's configparser reads it, since that is what the XenServer installer
 * reads {@code .treeinfo} with: {@code [section]} headers, {@code key = value} or {@code key: value}
 * (keys lower-cased, both sides trimmed), indented lines continuing a value, {@code #} and
 * {@code ;} comment lines. Unlike configparser's strict mode, a repeated section or key is not an
 * error: the later value wins.
 */
record Ini(Map<String, Map<String, String>> sections) {

    /** A line that is not INI, with its 1-based number. */
    static final class SyntaxException extends Exception {
        SyntaxException(int line, String what) {
            super("line " + line + ": " + what);
        }
    }

    Ini {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        sections.forEach((name, keys) -> copy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(keys))));
        sections = Collections.unmodifiableMap(copy);
    }

    static Ini parse(String text) throws SyntaxException {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> section = null;
        String lastKey = null;
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[0].startsWith("\uFEFF") ? lines[0].substring(1) : lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                lastKey = null;
                continue;
            }
            if (trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && section != null && lastKey != null) {
                section.merge(lastKey, trimmed, (value, more) -> value.isEmpty() ? more : value + "\n" + more);
                continue;
            }
            if (trimmed.startsWith("[")) {
                int close = trimmed.lastIndexOf(']');
                if (close < 2) {
                    throw new SyntaxException(i + 1, "a section header must be '[name]'");
                }
                section = sections.computeIfAbsent(trimmed.substring(1, close).strip(), k -> new LinkedHashMap<>());
                lastKey = null;
                continue;
            }
            if (section == null) {
                throw new SyntaxException(i + 1, "a key before the first [section]");
            }
            int delimiter = firstDelimiter(trimmed);
            if (delimiter <= 0) {
                throw new SyntaxException(i + 1, "expected 'key = value', found '" + abbreviate(trimmed) + "'");
            }
            lastKey = trimmed.substring(0, delimiter).strip().toLowerCase(Locale.ROOT);
            section.put(lastKey, trimmed.substring(delimiter + 1).strip());
        }
        return new Ini(sections);
    }

    /** The value of {@code key} in {@code section}, if both are present and the value is not empty. */
    Optional<String> get(String section, String key) {
        return Optional.ofNullable(sections.getOrDefault(section, Map.of()).get(key)).filter(v -> !v.isEmpty());
    }

    boolean has(String section) {
        return sections.containsKey(section);
    }

    private static int firstDelimiter(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        return eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
