package io.xsbuild.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A yum/dnf repository definition file, as {@code /etc/yum.repos.d/*.repo} holds them: sections named by
 * repository id, each with {@code key=value} options. Read from a profile's folder and written into build
 * containers, with {@code enabled} and {@code priority} set as the run asks.
 *
 * @param name the file's name, {@code centos-vault.repo}
 */
public record RepoFile(String name, List<Section> sections) {

    /** yum's default priority (yum-plugin-priorities and dnf alike): the lowest. */
    public static final int DEFAULT_PRIORITY = 99;

    public RepoFile {
        Objects.requireNonNull(name, "name");
        sections = List.copyOf(sections);
    }

    /**
     * One repository: its id and its options in the order written; option names are lower case.
     */
    public record Section(String id, Map<String, String> options) {
        public Section {
            Objects.requireNonNull(id, "id");
            options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }

        /** Whether the package manager reads it: {@code enabled} is 1 unless written otherwise. */
        public boolean enabled() {
            String value = options.getOrDefault("enabled", "1").strip().toLowerCase(Locale.ROOT);
            return value.equals("1") || value.equals("yes") || value.equals("true") || value.equals("on");
        }

        /** Its {@code priority}, the default when none is written or it is no number. */
        public int priority() {
            try {
                return Integer.parseInt(options.getOrDefault("priority", "").strip());
            } catch (NumberFormatException e) {
                return DEFAULT_PRIORITY;
            }
        }

        /** The same section with one option set (added at the end when it was not there). */
        public Section with(String key, String value) {
            Map<String, String> changed = new LinkedHashMap<>(options);
            changed.put(key.toLowerCase(Locale.ROOT), value);
            return new Section(id, changed);
        }
    }

    /**
     * Reads a repository file. Lines are {@code [id]}, {@code key=value} (or {@code key: value}), comments
     * ({@code #}, {@code ;}) and blank lines; an indented line continues the value above it, as yum reads
     * several {@code baseurl}s.
     *
     * @throws IllegalArgumentException naming the line that is none of those
     */
    public static RepoFile parse(String name, String text) {
        List<Section> sections = new ArrayList<>();
        String id = null;
        Map<String, String> options = new LinkedHashMap<>();
        String lastKey = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                if (id != null) {
                    sections.add(new Section(id, options));
                }
                id = line.substring(1, line.length() - 1).strip();
                if (id.isEmpty()) {
                    throw new IllegalArgumentException(name + " line " + (i + 1) + ": a section needs a repository id");
                }
                options = new LinkedHashMap<>();
                lastKey = null;
                continue;
            }
            if (Character.isWhitespace(raw.charAt(0)) && lastKey != null) {
                options.put(lastKey, options.get(lastKey) + "\n " + line);
                continue;
            }
            int eq = indexOfSeparator(line);
            if (eq <= 0 || id == null) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + ": expected [id] or key=value, not '"
                        + line + "'");
            }
            lastKey = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            options.put(lastKey, line.substring(eq + 1).strip());
        }
        if (id != null) {
            sections.add(new Section(id, options));
        }
        return new RepoFile(name, sections);
    }

    /** Where the option's name ends: at the first '=' or ':', as yum's configuration parser reads it. */
    private static int indexOfSeparator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        return eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    }

    /** The file as the package manager reads it. */
    public String text() {
        StringBuilder s = new StringBuilder();
        for (Section section : sections) {
            if (!s.isEmpty()) {
                s.append('\n');
            }
            s.append('[').append(section.id()).append("]\n");
            section.options().forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
        }
        return s.toString();
    }

    /** The same file with each section replaced by what {@code change} makes of it. */
    public RepoFile map(java.util.function.UnaryOperator<Section> change) {
        return new RepoFile(name, sections.stream().map(change).toList());
    }
}
