package io.xsbuild.build.source;

import io.xsbuild.error.UsageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A spec and the directory its sources and patches are in, on the host.
 *
 * @param specFile   the spec
 * @param sourcesDir the directory rpmbuild's {@code %_sourcedir} is made of (its files, not itself)
 */
public record SpecTree(Path specFile, Path sourcesDir) {

    public SpecTree {
        Objects.requireNonNull(specFile, "specFile");
        Objects.requireNonNull(sourcesDir, "sourcesDir");
    }

    /** A folder holding one spec and its sources as plain files, as the example packages are. */
    public static SpecTree folder(Path dir) throws UsageException {
        List<Path> specs;
        try (Stream<Path> files = Files.list(dir)) {
            specs = files.filter(f -> f.getFileName().toString().endsWith(".spec")).sorted().toList();
        } catch (IOException e) {
            throw new UsageException("Cannot read " + dir + ": " + e.getMessage(), "name a folder with a spec and its sources");
        }
        if (specs.size() != 1) {
            throw new UsageException(dir + " holds " + specs.size() + " specs, not one",
                    "keep one spec and its sources in each package folder");
        }
        return new SpecTree(specs.get(0), dir);
    }
}
