package io.xsbuild.cpio;

import io.xsbuild.testing.HostTools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Initrds made by GNU cpio and compressed by the real tools, extended by {@link Initrd} and
 * unpacked again by the real tools: the same compression, every original member as it was (hard
 * links, symbolic links, modes, times), the new files where they were put, and the file they
 * replace gone.
 */
class InitrdTest {

    @TempDir
    static Path work;

    static Path tree;
    static Path answers;
    static Path script;

    @BeforeAll
    static void tree() throws IOException {
        tree = work.resolve("tree");
        Files.createDirectories(tree.resolve("etc"));
        Files.createDirectories(tree.resolve("opt/xensource/installer"));
        Files.writeString(tree.resolve("init"), "#!/bin/sh\nexec /opt/xensource/installer/init\n");
        Files.setPosixFilePermissions(tree.resolve("init"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(tree.resolve("opt/xensource/installer/init"), "installer\n");
        Files.writeString(tree.resolve("etc/issue"), "old issue\n");
        Files.write(tree.resolve("etc/big"), new byte[300_001]);
        Files.createLink(tree.resolve("etc/big-link"), tree.resolve("etc/big"));
        Files.createSymbolicLink(tree.resolve("bin"), Path.of("usr/bin"));
        for (Path p : List.of(tree.resolve("init"), tree.resolve("etc/issue"))) {
            Files.setLastModifiedTime(p, FileTime.fromMillis(1_600_000_000_000L));
        }
        answers = Files.writeString(work.resolve("answers.xml"), "<installation/>\n");
        script = Files.writeString(work.resolve("post.sh"), "#!/bin/sh\ntouch /tmp/done\n");
    }

    private static byte[] sh(String command, Path dir) throws Exception {
        HostTools.assume("cpio");
        Process p = new ProcessBuilder("bash", "-o", "pipefail", "-c", command).directory(dir.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(command + ": " + err).isZero();
        return out;
    }

    private static List<Initrd.Addition> additions() {
        return List.of(new Initrd.Addition("/answerfile.xml", answers, 0644, 1_700_000_000),
                new Initrd.Addition("/opt/scripts/post.sh", script, 0755, 1_700_000_000),
                new Initrd.Addition("/etc/issue", answers, 0600, 1_700_000_000));
    }

    private static Map<String, String> listing(Path dir) throws IOException {
        Map<String, String> nodes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(p -> !p.equals(dir)).toList()) {
                String kind = Files.isSymbolicLink(p) ? "link " + Files.readSymbolicLink(p)
                        : Files.isDirectory(p) ? "dir" : "file " + Files.size(p) + " "
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                nodes.put(dir.relativize(p).toString(), kind);
            }
        }
        return nodes;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "gzip, newc, gzip -9, gzip -dc",
        "bzip2, newc, bzip2, bzip2 -dc",
        "xz, newc, xz --check=crc32, xz -dc",
        "lzma, newc, xz --format=lzma, xz --format=lzma -dc",
        "zstd, newc, zstd -q, zstd -dcq",
        "uncompressed, newc, cat, cat",
        "gzip, crc, gzip, gzip -dc"})
    void cpioUnpacksTheOriginalAndTheNewFilesInTheSameCompression(String name, String format, String compress,
                                                                 String decompress) throws Exception {
        HostTools.assume(compress.split(" ")[0]);
        Path dir = Files.createDirectories(work.resolve(name + "-" + format));
        Path original = dir.resolve("install.img");
        Files.write(original, sh("find . | sort | cpio -o -H " + format + " 2>/dev/null | " + compress, tree));
        Path rewritten = dir.resolve("new.img");
        Initrd.Result result;
        try (InputStream in = Files.newInputStream(original); OutputStream out = Files.newOutputStream(rewritten)) {
            result = Initrd.rewrite(in, out, "install.img", additions(), Initrd.MAX_UNCOMPRESSED);
        }

        assertThat(result.compression().toString()).isEqualTo(name);
        assertThat(result.replaced()).containsExactly("/etc/issue");
        assertThat(result.directories()).containsExactly("/opt/scripts");
        try (InputStream in = Files.newInputStream(rewritten)) {
            assertThat(InitrdCompression.of(in.readNBytes(8)).toString()).isEqualTo(name);
        }
        Path unpacked = Files.createDirectories(dir.resolve("unpacked"));
        sh(decompress + " < " + rewritten + " | cpio -idm --quiet", unpacked);

        Map<String, String> expected = listing(tree);
        expected.put("answerfile.xml", "file 16 rw-r--r--");
        expected.put("opt/scripts", "dir");
        expected.put("opt/scripts/post.sh", "file " + Files.size(script) + " rwxr-xr-x");
        expected.put("etc/issue", "file 16 rw-------");
        assertThat(listing(unpacked)).isEqualTo(expected);
        assertThat(Files.readString(unpacked.resolve("answerfile.xml"))).isEqualTo("<installation/>\n");
        assertThat(Files.readString(unpacked.resolve("init"))).isEqualTo(Files.readString(tree.resolve("init")));
        assertThat(Files.getLastModifiedTime(unpacked.resolve("init")).toMillis()).isEqualTo(1_600_000_000_000L);
        assertThat(Files.getLastModifiedTime(unpacked.resolve("answerfile.xml")).toMillis()).isEqualTo(1_700_000_000_000L);
        assertThat(Files.getAttribute(unpacked.resolve("etc/big-link"), "unix:ino", LinkOption.NOFOLLOW_LINKS))
                .as("the hard link survives").isEqualTo(Files.getAttribute(unpacked.resolve("etc/big"), "unix:ino"));
        if (name.equals("xz")) {
            assertThat(new String(sh("xz --robot --list -vv " + rewritten, dir), StandardCharsets.UTF_8))
                    .as("the kernel reads CRC32 or no check only").contains("CRC32").doesNotContain("CRC64");
        }
    }

    @Test
    void archivesOneAfterAnotherComeOutAsOne() throws Exception {
        HostTools.assume("gzip");
        Path dir = Files.createDirectories(work.resolve("two"));
        Path second = Files.createDirectories(dir.resolve("second"));
        Files.writeString(second.resolve("late"), "from the second archive\n");
        byte[] first = sh("find . | cpio -o -H newc 2>/dev/null", tree);
        byte[] next = sh("find . | cpio -o -H newc 2>/dev/null", second);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(first);
        both.writeBytes(next);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Initrd.rewrite(new ByteArrayInputStream(both.toByteArray()), out, "two.img", additions(), Initrd.MAX_UNCOMPRESSED);
        Path img = Files.write(dir.resolve("new.img"), out.toByteArray());
        Path unpacked = Files.createDirectories(dir.resolve("unpacked"));
        sh("cpio -idm --quiet < " + img, unpacked);
        assertThat(unpacked.resolve("late")).hasContent("from the second archive");
        assertThat(unpacked.resolve("answerfile.xml")).exists();
        assertThat(unpacked.resolve("init")).exists();
    }

    @Test
    void whatIsNoCpioArchiveIsRefusedWithOneLine() throws Exception {
        byte[] archive = sh("find . | cpio -o -H newc 2>/dev/null", tree);
        assertThatThrownBy(() -> rewrite(new byte[] {0x02, 0x21, 0x4c, 0x18, 0, 0, 0, 0}))
                .isInstanceOf(InitrdException.class).hasMessage("install.img is lz4 (legacy) compressed");
        assertThatThrownBy(() -> rewrite("hello, world".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InitrdException.class).hasMessageContaining("install.img is neither a cpio archive");
        assertThatThrownBy(() -> rewrite(java.util.Arrays.copyOf(archive, 5000)))
                .isInstanceOf(InitrdException.class).hasMessageContaining("install.img is truncated");
        byte[] junk = java.util.Arrays.copyOf(archive, archive.length + 8);
        junk[archive.length] = 'x';
        assertThatThrownBy(() -> rewrite(junk)).isInstanceOf(InitrdException.class)
                .hasMessageContaining("data after its trailer that is not another cpio archive");
        byte[] badHex = archive.clone();
        badHex[20] = 'g';
        assertThatThrownBy(() -> rewrite(badHex)).isInstanceOf(InitrdException.class)
                .hasMessageContaining("that is not 8 hexadecimal digits, at byte 14");
        assertThatThrownBy(() -> Initrd.rewrite(new ByteArrayInputStream(archive), OutputStream.nullOutputStream(),
                "install.img", additions(), 100_000)).isInstanceOf(InitrdException.class)
                .hasMessage("install.img decompresses to more than 100000 bytes");
    }

    @Test
    void aHardLinkedFileIsNotReplaced() throws Exception {
        byte[] archive = sh("find . | cpio -o -H newc 2>/dev/null", tree);
        assertThatThrownBy(() -> Initrd.rewrite(new ByteArrayInputStream(archive), OutputStream.nullOutputStream(),
                "install.img", List.of(new Initrd.Addition("/etc/big", answers, 0644, 0)), Initrd.MAX_UNCOMPRESSED))
                .isInstanceOf(InitrdException.class)
                .hasMessage("install.img has /etc/big as one of 2 hard links, which xsbuild does not replace");
        assertThatThrownBy(() -> Initrd.rewrite(new ByteArrayInputStream(archive), OutputStream.nullOutputStream(),
                "install.img", List.of(new Initrd.Addition("/etc", answers, 0644, 0)), Initrd.MAX_UNCOMPRESSED))
                .isInstanceOf(InitrdException.class)
                .hasMessage("install.img has a directory /etc where a file is to go");
    }

    private static void rewrite(byte[] initrd) throws Exception {
        Initrd.rewrite(new ByteArrayInputStream(initrd), OutputStream.nullOutputStream(), "install.img", additions(),
                Initrd.MAX_UNCOMPRESSED);
    }
}
