package io.xsbuild.build.output;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;

/**
 * What a {@code --make} build hands back: with no {@code --artifacts} globs, every file the build added or
 * changed (new, or another size or modification time than before); with globs, every file after the build
 * that matches one of them. A glob without {@code /} matches a file name at any depth ({@code *.so}); one
 * with {@code /} matches the path from the top ({@code build/**}, {@code out/*.tar.gz}), {@code **} crossing
 * directories.
 */
public final class BuildOutputs {

    private BuildOutputs() {
    }

    /** The paths to collect, relative to the build directory and sorted. */
    public static List<String> select(DirectorySnapshot before, DirectorySnapshot after, List<String> globs) {
        if (globs.isEmpty()) {
            return after.files().entrySet().stream()
                    .filter(e -> !e.getValue().equals(before.files().get(e.getKey())))
                    .map(Map.Entry::getKey)
                    .sorted()
                    .toList();
        }
        List<Glob> matchers = globs.stream().map(Glob::of).toList();
        return after.files().keySet().stream()
                .filter(path -> matchers.stream().anyMatch(g -> g.matches(Path.of(path))))
                .sorted()
                .toList();
    }

    /** One {@code --artifacts} glob: over the file name when it has no {@code /}, else over the whole path. */
    private record Glob(PathMatcher matcher, boolean byName) {

        static Glob of(String glob) {
            return new Glob(FileSystems.getDefault().getPathMatcher("glob:" + glob), !glob.contains("/"));
        }

        boolean matches(Path path) {
            return matcher.matches(byName ? path.getFileName() : path);
        }
    }
}
