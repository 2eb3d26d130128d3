package io.xsbuild.snapshot;

import io.xsbuild.error.UsageException;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * {@code --include} and {@code --exclude}: globs ({@code *}, {@code ?}, {@code [a-z]}, {@code {a,b}})
 * matched against a package's file name, wherever it lies in the image. With includes, a name
 * must match one of them; it must match no exclude.
 */
final class FileNameFilter {

    private final List<PathMatcher> include;
    private final List<PathMatcher> exclude;

    private FileNameFilter(List<PathMatcher> include, List<PathMatcher> exclude) {
        this.include = include;
        this.exclude = exclude;
    }

    static FileNameFilter of(List<String> include, List<String> exclude) throws UsageException {
        return new FileNameFilter(matchers("--include", include), matchers("--exclude", exclude));
    }

    boolean accepts(String fileName) {
        Path name;
        try {
            name = Path.of(fileName);
        } catch (InvalidPathException e) {
            return false;
        }
        return (include.isEmpty() || include.stream().anyMatch(m -> m.matches(name)))
                && exclude.stream().noneMatch(m -> m.matches(name));
    }

    private static List<PathMatcher> matchers(String option, List<String> globs) throws UsageException {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String glob : globs) {
            if (glob.isEmpty() || glob.contains("/")) {
                throw new UsageException(option + " '" + glob + "' cannot match a file name",
                        "give a glob for package file names, such as '*.src.rpm' or 'xen-*'");
            }
            try {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            } catch (PatternSyntaxException e) {
                throw new UsageException(option + " '" + glob + "' is not a glob: " + e.getDescription(),
                        "use *, ?, [a-z] and {a,b}");
            }
        }
        return matchers;
    }
}
