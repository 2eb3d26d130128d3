package io.xsbuild.snapshot;

import io.xsbuild.iso.IsoTools;
import io.xsbuild.testing.Corpus;
import io.xsbuild.testing.TestData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Trees shaped like XenServer's snapshot images, with real packages (createrepo_c's test packages
 * and a generated corpus), for the tests to make ISOs of: a binpkg tree with .treeinfo, Packages/
 * and repodata with a comps file; a source tree with source packages however deeply nested.
 */
final class SnapshotTrees {

    static final String COMPS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE comps PUBLIC "-//Red Hat, Inc.//DTD Comps info//EN" "comps.dtd">
            <comps>
              <group>
                <id>xenserver_base</id>
                <name>XenServer base</name>
                <default>true</default>
                <uservisible>true</uservisible>
                <packagelist>
                  <packagereq type="mandatory">fake_bash</packagereq>
                  <packagereq type="mandatory">super_kernel</packagereq>
                </packagelist>
              </group>
            </comps>
            """;

    /** An 8.3-style .treeinfo whose build number has slashes, as release builds' do. */
    static final String TREEINFO = TreeInfoTest.V8_3.replace("number = cloud", "number = release/nile/master/58");

    /** A package file name over 64 characters: Joliet-only images keep it only with long names. */
    static final String LONG_NAME = "xenserver-toolstack-with-a-package-file-name-well-over-sixty-four-chars-1.0-1.x86_64.rpm";

    /** Where the deeply nested source package lies: more than 8 directory levels. */
    static final String DEEP = "sources/a/b/c/d/e/f/g/h/i/deep-empty-0-0.src.rpm";

    private SnapshotTrees() {
    }

    /**
     * A binpkg tree: .treeinfo, createrepo_c's binary test packages and {@code generated} corpus
     * packages in Packages/ (one under {@link #LONG_NAME}), a symbolic link to one of them, and
     * repodata/ with the comps file, made by createrepo_c.
     */
    static Path binpkg(Path dir, int generated) throws IOException, InterruptedException {
        Path packages = Files.createDirectories(dir.resolve("Packages"));
        for (Path p : TestData.allPackages()) {
            if (!p.getFileName().toString().endsWith(".src.rpm")) {
                copy(p, packages.resolve(p.getFileName().toString()));
            }
        }
        copy(TestData.pkg("Rimmer-1.0.2-2.x86_64.rpm"), packages.resolve(LONG_NAME));
        if (generated > 0) {
            for (Path p : Corpus.generate(dir.resolve("corpus"), Corpus.Spec.small(generated, 11))) {
                copy(p, packages.resolve(p.getFileName().toString()));
            }
            delete(dir.resolve("corpus"));
        }
        Files.createSymbolicLink(packages.resolve("latest-bash.rpm"), Path.of("fake_bash-1.1.1-1.x86_64.rpm"));
        write(dir.resolve(".treeinfo"), TREEINFO);
        groups(dir, COMPS);
        return dir;
    }

    /** A source tree: SRPMS/ and a source package more than 8 directories deep. */
    static Path source(Path dir) throws IOException {
        copy(TestData.pkg("empty-0-0.src.rpm"), Files.createDirectories(dir.resolve("SRPMS")).resolve("empty-0-0.src.rpm"));
        copy(TestData.pkg("empty-0-0.src.rpm"), dir.resolve(DEEP));
        return dir;
    }

    /** Both in one tree, as one image holding everything. */
    static Path mixed(Path dir, int generated) throws IOException, InterruptedException {
        source(binpkg(dir, generated));
        return dir;
    }

    /** Replaces the tree's repodata with one that lists no package but has {@code comps} (createrepo_c -g). */
    static void groups(Path dir, String comps) throws IOException, InterruptedException {
        delete(dir.resolve("repodata"));
        Path temporary = Files.createTempDirectory("comps");
        try {
            Path file = Files.writeString(temporary.resolve("comps.xml"), comps, StandardCharsets.UTF_8);
            IsoTools.run("createrepo_c", "-q", "--no-database", "-g", file.toString(), "--excludes", "*", dir.toString());
        } finally {
            delete(temporary);
        }
    }

    /** Copies a package, keeping its modification time (images store the second). */
    static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
        Files.setLastModifiedTime(to, FileTime.from(1_700_000_000L + Math.floorMod(to.getFileName().hashCode(), 86_400),
                TimeUnit.SECONDS));
    }

    /** A copy of {@code tree} with its files' times and its links as links: the same image content. */
    static Path copyTree(Path tree, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path p : paths.toList()) {
                Files.copy(p, to.resolve(tree.relativize(p).toString()), LinkOption.NOFOLLOW_LINKS,
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return to;
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static void delete(Path dir) throws IOException {
        io.xsbuild.io.Directories.delete(dir);
    }

    /** Makes an image of {@code tree} with the tool command given, OUT and SRC standing for the image and the tree. */
    static Path image(List<String> command, Path tree, Path iso) throws IOException, InterruptedException {
        Path reversed = iso.resolveSibling(iso.getFileName() + ".sort");
        if (command.contains("REVERSED")) {
            reverseSortFile(tree, reversed);
        }
        IsoTools.run(command.stream().map(a -> a.equals("OUT") ? iso.toString() : a.equals("SRC") ? tree.toString()
                : a.equals("REVERSED") ? reversed.toString() : a).toList());
        return iso;
    }

    /**
     * A genisoimage sort file that puts the files' contents in the image in the reverse of their
     * paths' order: the heaviest first.
     */
    private static void reverseSortFile(Path tree, Path sortFile) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tree)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            lines.append(files.get(i)).append(' ').append(i + 1).append('\n');
        }
        Files.writeString(sortFile, lines);
    }
}
