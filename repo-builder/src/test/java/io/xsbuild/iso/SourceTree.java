package io.xsbuild.iso;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Random;

/** The tree the differential tests put into images: what a snapshot ISO holds, and the awkward cases. */
final class SourceTree {

    static final Instant MTIME = Instant.parse("2021-03-04T05:06:07Z");
    static final String LONG_NAME = "xenserver-" + "long-name-".repeat(8) + "1.0-1.x86_64.rpm";

    private SourceTree() {
    }

    static Path create(Path root) throws IOException {
        Random random = new Random(42);
        int[] sizes = {0, 1, 2047, 2048, 2049, 65536, 100_001, 3 << 20};
        for (int i = 0; i < sizes.length; i++) {
            file(root.resolve("Packages/pkg" + i + "-1.0-" + i + ".x86_64.rpm"), random, sizes[i]);
        }
        file(root.resolve("Packages/" + LONG_NAME), random, 4096);
        text(root.resolve("repodata/repomd.xml"), "<repomd/>\n");
        text(root.resolve(".treeinfo"), "[platform]\nname = XCP\nversion = 3.2.1\n");
        text(root.resolve("with space.txt"), "spaces\n");
        text(root.resolve("ünïcødé-файл.txt"), "unicode\n");
        text(root.resolve("README"), "no extension\n");
        text(root.resolve("a/b/c/d/e/f/g/h/i/j/deep.txt"), "eleven levels down\n");
        Files.createDirectories(root.resolve("empty"));
        Path script = text(root.resolve("bin/run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(root.resolve("a/link"), Path.of("../Packages/pkg1-1.0-1.x86_64.rpm"));
        Files.createSymbolicLink(root.resolve("latest"), Path.of("Packages"));
        Files.createSymbolicLink(root.resolve("a/b/dangling"), Path.of("nowhere/at/all"));
        try (var paths = Files.walk(root)) {
            for (Path p : paths.filter(p -> !Files.isSymbolicLink(p) && Files.isRegularFile(p)).toList()) {
                Files.setLastModifiedTime(p, FileTime.from(MTIME));
            }
        }
        return root;
    }

    static void file(Path path, Random random, int size) throws IOException {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        Files.createDirectories(path.getParent());
        Files.write(path, bytes);
    }

    static Path text(Path path, String content) throws IOException {
        Files.createDirectories(path.getParent());
        return Files.writeString(path, content, StandardCharsets.UTF_8);
    }
}
