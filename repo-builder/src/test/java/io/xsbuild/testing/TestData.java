package io.xsbuild.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** createrepo_c's test data in ../shared (GPL, not copied here): tests skip when it is absent. */
public final class TestData {

    private TestData() {
    }

    /** {@code testdata/createrepo_c} under the shared directory. */
    public static Path createrepo() {
        String shared = System.getProperty("xsbuild.shared.dir");
        Path dir = shared == null ? null : Path.of(shared, "testdata", "createrepo_c").normalize();
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir.resolve("packages")),
                "createrepo_c's test data is not in ../shared/testdata/createrepo_c");
        return dir;
    }

    public static Path packages() {
        return createrepo().resolve("packages");
    }

    public static Path pkg(String fileName) {
        return packages().resolve(fileName);
    }

    /** Every test package, by name. */
    public static List<Path> allPackages() {
        try (Stream<Path> files = Files.list(packages())) {
            return files.filter(p -> p.toString().endsWith(".rpm")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the named test packages into {@code dir} (the originals are read-only). */
    public static void copy(Path dir, String... fileNames) throws IOException {
        Files.createDirectories(dir);
        for (String name : fileNames) {
            Files.copy(pkg(name), dir.resolve(name));
        }
    }

    public static void copyAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Path p : allPackages()) {
            Files.copy(p, dir.resolve(p.getFileName()));
        }
    }
}
