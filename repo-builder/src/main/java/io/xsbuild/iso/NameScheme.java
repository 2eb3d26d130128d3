package io.xsbuild.iso;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How the writer turns POSIX names into the identifiers of one name tree, unique within each
 * directory: ISO9660 level 1 for the primary tree (8.3 d-characters, upper case, ";1" on files) and
 * Joliet (up to 64 UCS-2 characters). A name that does not fit is cut, keeping a short extension, as
 * xorriso does; names that collide then are numbered ("XCP_NE12.RPM"), in the order of their POSIX
 * names, so the same tree always gets the same identifiers.
 */
enum NameScheme {

    LEVEL1 {
        @Override
        String preferred(String name, boolean directory) {
            int dot = directory ? -1 : name.lastIndexOf('.');
            if (dot <= 0) {
                return dCharacters(name, LEVEL1_NAME);
            }
            String extension = dCharacters(name.substring(dot + 1), LEVEL1_EXTENSION);
            return dCharacters(name.substring(0, dot), LEVEL1_NAME) + (extension.isEmpty() ? "" : "." + extension);
        }

        @Override
        int room(String extension) {
            return LEVEL1_NAME;
        }

        @Override
        byte[] identifier(String id, boolean directory) {
            String recorded = directory ? id : id.indexOf('.') < 0 ? id + ".;1" : id + ";1";
            return recorded.getBytes(StandardCharsets.US_ASCII);
        }
    },

    JOLIET {
        @Override
        String preferred(String name, boolean directory) {
            StringBuilder safe = new StringBuilder();
            name.codePoints().forEach(c -> safe.append(c < 0x20 || c > 0xFFFF || "*/:;?\\".indexOf(c) >= 0 ? '_' : (char) c));
            if (safe.length() <= JOLIET_NAME) {
                return safe.toString();
            }
            String extension = extension(safe.toString(), directory);
            String kept = extension.length() <= JOLIET_EXTENSION ? extension : "";
            return safe.substring(0, JOLIET_NAME - kept.length()) + kept;
        }

        @Override
        int room(String extension) {
            return JOLIET_NAME - extension.length();
        }

        @Override
        byte[] identifier(String id, boolean directory) {
            return id.getBytes(StandardCharsets.UTF_16BE);
        }
    };

    private static final int LEVEL1_NAME = 8;
    private static final int LEVEL1_EXTENSION = 3;
    /** Joliet's limit, in UCS-2 characters, for a whole name (no version is recorded). */
    private static final int JOLIET_NAME = 64;
    /** The longest extension kept when a Joliet name is cut, its dot included. */
    private static final int JOLIET_EXTENSION = 16;

    /** The identifier {@code name} would have if no other name in its directory wanted it. */
    abstract String preferred(String name, boolean directory);

    /** The identifier as recorded in the directory record and path table. */
    abstract byte[] identifier(String id, boolean directory);

    /** How many characters the name before {@code extension} may have. */
    abstract int room(String extension);

    /** ECMA-119 9.3: by name, then by extension, shorter first where one is the start of the other. */
    Comparator<String> order() {
        return Comparator.<String, String>comparing(id -> id.substring(0, id.length() - extension(id, false).length()))
                .thenComparing(id -> extension(id, false));
    }

    /**
     * Unique identifiers for the entries of one directory, in the order given: a name keeps its
     * preferred identifier unless an entry before it took that; then it is numbered, never taking
     * an identifier another entry prefers.
     */
    <T> Map<T, String> assign(Collection<T> entries, Function<T, String> name, Predicate<T> directory) {
        Map<String, Integer> wanted = new HashMap<>();
        for (T entry : entries) {
            wanted.merge(preferred(name.apply(entry), directory.test(entry)), 1, Integer::sum);
        }
        Set<String> used = new HashSet<>();
        Map<T, String> ids = new HashMap<>();
        for (T entry : entries) {
            boolean dir = directory.test(entry);
            String preferred = preferred(name.apply(entry), dir);
            String id = preferred;
            for (int n = 1; used.contains(id); n++) {
                String candidate = numbered(preferred, dir, n);
                id = wanted.containsKey(candidate) ? preferred : candidate;
            }
            used.add(id);
            ids.put(entry, id);
        }
        return ids;
    }

    private String numbered(String preferred, boolean directory, int n) {
        String extension = extension(preferred, directory);
        String base = preferred.substring(0, preferred.length() - extension.length());
        String digits = Integer.toString(n);
        int keep = room(extension) - digits.length();
        return base.substring(0, Math.max(0, Math.min(base.length(), keep))) + digits + extension;
    }

    /** The final ".extension" of a file's name, or "" (and always "" for a directory). */
    private static String extension(String name, boolean directory) {
        int dot = directory ? -1 : name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot);
    }

    private static String dCharacters(String text, int max) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < text.length() && d.length() < max; i++) {
            char c = Character.toUpperCase(text.charAt(i));
            d.append(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ? c : '_');
        }
        return d.toString();
    }
}
