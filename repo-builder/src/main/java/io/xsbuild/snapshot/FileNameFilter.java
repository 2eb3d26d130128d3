package io.xsbuild.snapshot;

import io.xsbuild.error.Phrase;
import io.xsbuild.error.Setting;
import io.xsbuild.error.UsageException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code --include} and {@code --exclude}: globs ({@code *}, {@code ?}, {@code [a-z]}, {@code [!a-z]},
 * {@code {a,b}}, {@code \} quoting the next character) matched against a package's file name,
 * wherever it lies in the image. With includes, a name must match one of them; it must match no
 * exclude. Names are matched as text, never made into paths, so that no name is left out for
 * being one the locale cannot spell.
 */
final class FileNameFilter {

    private final List<Pattern> include;
    private final List<Pattern> exclude;

    private FileNameFilter(List<Pattern> include, List<Pattern> exclude) {
        this.include = include;
        this.exclude = exclude;
    }

    static FileNameFilter of(List<String> include, List<String> exclude) throws UsageException {
        return new FileNameFilter(patterns(SnapshotRequest.Field.INCLUDE, include),
                patterns(SnapshotRequest.Field.EXCLUDE, exclude));
    }

    boolean accepts(String fileName) {
        return (include.isEmpty() || include.stream().anyMatch(p -> p.matcher(fileName).matches()))
                && exclude.stream().noneMatch(p -> p.matcher(fileName).matches());
    }

    private static List<Pattern> patterns(Setting option, List<String> globs) throws UsageException {
        List<Pattern> patterns = new ArrayList<>();
        for (String glob : globs) {
            if (glob.isEmpty() || glob.contains("/")) {
                throw new UsageException(Phrase.of(option, " '", glob, "' cannot match a file name"),
                        Phrase.of("give a glob for package file names, such as '*.src.rpm' or 'xen-*'"));
            }
            String problem = null;
            String regex = null;
            try {
                regex = regex(glob);
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
            if (problem != null) {
                throw new UsageException(Phrase.of(option, " '", glob, "' is not a glob: ", problem),
                        Phrase.of("use *, ?, [a-z] and {a,b}"));
            }
            patterns.add(Pattern.compile(regex, Pattern.DOTALL));
        }
        return patterns;
    }

    /** The glob as a regular expression over a whole name. */
    static String regex(String glob) {
        StringBuilder re = new StringBuilder();
        boolean inGroup = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (++i == glob.length()) {
                        throw new IllegalArgumentException("it ends with '\\', which quotes nothing");
                    }
                    re.append(Pattern.quote(String.valueOf(glob.charAt(i))));
                }
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> i = bracket(glob, i, re);
                case '{' -> {
                    if (inGroup) {
                        throw new IllegalArgumentException("'{' inside {...}, which cannot nest");
                    }
                    inGroup = true;
                    re.append("(?:");
                }
                case '}' -> {
                    if (inGroup) {
                        inGroup = false;
                        re.append(')');
                    } else {
                        re.append("\\}");
                    }
                }
                case ',' -> re.append(inGroup ? "|" : ",");
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (inGroup) {
            throw new IllegalArgumentException("a '{' is not closed");
        }
        return re.toString();
    }

    /** Appends the class that starts at {@code glob[open]}; gives the index of its ']'. */
    private static int bracket(String glob, int open, StringBuilder re) {
        int i = open + 1;
        StringBuilder cls = new StringBuilder("[");
        if (i < glob.length() && glob.charAt(i) == '!') {
            cls.append('^');
            i++;
        }
        boolean first = true;
        for (; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == ']' && !first) {
                re.append(cls).append(']');
                return i;
            }
            first = false;
            if (c == '-' && cls.length() > 1 && cls.charAt(cls.length() - 1) != '^' && i + 1 < glob.length()
                    && glob.charAt(i + 1) != ']') {
                cls.append('-');
                continue;
            }
            if (c == '\\' && i + 1 < glob.length()) {
                c = glob.charAt(++i);
            }
            if ("\\[]^&-".indexOf(c) >= 0) {
                cls.append('\\');
            }
            cls.append(c);
        }
        throw new IllegalArgumentException("a '[' is not closed");
    }
}
