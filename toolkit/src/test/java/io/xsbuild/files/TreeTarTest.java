package io.xsbuild.files;

import io.xsbuild.testing.HostTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tar a directory is sent into a container with, as GNU tar reads and extracts it. */
class TreeTarTest {

    @TempDir
    Path dir;

    private Path repo() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("my repo"));
        Files.createDirectories(repo.resolve("repodata"));
        Files.writeString(repo.resolve("repodata/repomd.xml"), "<repomd/>\n");
        Files.writeString(repo.resolve("a-1.0-1.noarch.rpm"), "package a");
        Path tool = Files.writeString(repo.resolve("run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        Path elsewhere = Files.writeString(dir.resolve("b-2.0-1.noarch.rpm"), "package b, linked");
        Files.createSymbolicLink(repo.resolve("b-2.0-1.noarch.rpm"), elsewhere);
        return repo;
    }

    private Path write(Path tree, String target) throws Exception {
        Path tar = dir.resolve("out.tar");
        try (OutputStream out = Files.newOutputStream(tar)) {
            TreeTar.write(tree, target, out);
        }
        return tar;
    }

    private static String run(Path cwd, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void entriesSitUnderTheTargetWithItsParentsFirstOwnedByRootAndReadableByAll() throws Exception {
        HostTools.assume("tar");
        Path tar = write(repo(), "/srv/xsbuild/repos/xsbuild/");

        List<String> listing = run(dir, "tar", "--numeric-owner", "-tvf", tar.toString()).lines().toList();
        List<String> names = listing.stream().map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList();
        assertThat(names.subList(0, 4)).containsExactly("srv/", "srv/xsbuild/", "srv/xsbuild/repos/", "srv/xsbuild/repos/xsbuild/");
        assertThat(names).contains("srv/xsbuild/repos/xsbuild/repodata/", "srv/xsbuild/repos/xsbuild/repodata/repomd.xml",
                "srv/xsbuild/repos/xsbuild/a-1.0-1.noarch.rpm", "srv/xsbuild/repos/xsbuild/b-2.0-1.noarch.rpm",
                "srv/xsbuild/repos/xsbuild/run.sh").hasSize(9);
        assertThat(listing).allSatisfy(l -> assertThat(l).contains(" 0/0 "));
        assertThat(listing).filteredOn(l -> l.endsWith("/")).allSatisfy(l -> assertThat(l).startsWith("drwxr-xr-x"));
        assertThat(listing).filteredOn(l -> l.endsWith(".rpm") || l.endsWith(".xml"))
                .allSatisfy(l -> assertThat(l).startsWith("-rw-r--r--"));
        assertThat(listing).filteredOn(l -> l.endsWith("run.sh")).singleElement().asString().startsWith("-rwxr-xr-x");
    }

    @Test
    void whatASymbolicLinkLeadsToIsWhatGoesIn() throws Exception {
        HostTools.assume("tar");
        Path tar = write(repo(), "srv/r/x");
        Path into = Files.createDirectories(dir.resolve("extracted"));
        run(into, "tar", "-xf", tar.toString());

        Path b = into.resolve("srv/r/x/b-2.0-1.noarch.rpm");
        assertThat(b).isRegularFile().hasContent("package b, linked");
        assertThat(into.resolve("srv/r/x/repodata/repomd.xml")).hasContent("<repomd/>\n");
    }

    @Test
    void theByteCountIsThatOfTheFiles() throws Exception {
        long bytes = TreeTar.write(repo(), "x", new ByteArrayOutputStream());
        assertThat(bytes).isEqualTo("<repomd/>\n".length() + "package a".length() + "#!/bin/sh\n".length()
                + "package b, linked".length());
    }

    @Test
    void aTargetThatWouldClimbOutIsRefused() {
        assertThatThrownBy(() -> TreeTar.write(dir, "srv/../etc", new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TreeTar.write(dir, "/", new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
