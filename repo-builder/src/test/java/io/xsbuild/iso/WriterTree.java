package io.xsbuild.iso;

import io.xsbuild.event.Events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.xsbuild.iso.SourceTree.file;
import static io.xsbuild.iso.SourceTree.text;

/**
 * The tree the writer tests put into images: a snapshot ISO's layout with the names that are hard
 * to write (RPM names that collide once mangled to 8.3, names cut by Joliet, a 255-byte name,
 * non-ASCII names, dotfiles), empty files and directories, links, modes, and the deepest
 * directory ISO9660 allows.
 */
final class WriterTree {

    /** The volume's date, as SOURCE_DATE_EPOCH would give it. */
    static final Instant EPOCH = Instant.parse("2024-01-02T03:04:05Z");
    static final Instant FILE_TIME = Instant.parse("2021-03-04T05:06:07Z");
    static final Instant DIRECTORY_TIME = Instant.parse("2022-05-06T07:08:09Z");

    static final String RPM = "xcp-networkd-0.9.6-1+s0+0.10.0+8+g96c3fcc.el7.centos.x86_64.rpm";
    /** Two names alike in their first 64 characters, which Joliet keeps: the second is numbered. */
    static final String JOLIET_A = "xenserver-" + "long-name-".repeat(6) + "1.0-1.x86_64.rpm";
    static final String JOLIET_B = "xenserver-" + "long-name-".repeat(6) + "1.0-2.x86_64.rpm";
    static final String LONGEST = "n".repeat(251) + ".rpm";
    static final String LONG_LINK = String.join("/", Collections.nCopies(8, "target-directory-".repeat(3)));

    private WriterTree() {
    }

    static Path create(Path root) throws IOException {
        Random random = new Random(11);
        file(root.resolve("Packages/" + RPM), random, 100_001);
        file(root.resolve("Packages/xcp-networkd-0.9.6-2+s0+0.10.0+8+g96c3fcc.el7.centos.x86_64.rpm"), random, 2048);
        file(root.resolve("Packages/xcp-networkd-devel-0.9.6-1.el7.centos.x86_64.rpm"), random, 2049);
        file(root.resolve("Packages/XCP_NETW.RPM"), random, 2047);
        file(root.resolve("Packages/Xcp_Netw.rpm"), random, 1);
        file(root.resolve("Packages/empty-0-0.noarch.rpm"), random, 0);
        file(root.resolve("Packages/" + JOLIET_A), random, 4096);
        file(root.resolve("Packages/" + JOLIET_B), random, 4097);
        file(root.resolve("Packages/" + LONGEST), random, 3);
        file(root.resolve("Source/xcp-networkd-0.9.6-1.src.rpm"), random, 1 << 20);
        text(root.resolve(".treeinfo"), "[platform]\nname = XCP\nversion = 3.2.1\n");
        text(root.resolve("repodata/repomd.xml"), "<repomd/>\n");
        text(root.resolve("repodata/comps.xml"), "<comps/>\n");
        text(root.resolve(".hidden/.also-hidden"), "dot\n");
        text(root.resolve("ünïcødé-файл.txt"), "unicode\n");
        text(root.resolve("日本語の名前.txt"), "cjk\n");
        text(root.resolve("with space & symbols;1.txt"), "symbols\n");
        text(root.resolve("1/2/3/4/5/6/7/deepest.txt"), "the root is level 1, directory 7 is level 8\n");
        file(root.resolve("empty"), random, 0);
        Files.createDirectories(root.resolve("emptydir/inner"));
        Path script = text(root.resolve("bin/run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        Files.setPosixFilePermissions(root.resolve(".treeinfo"), PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(root.resolve("bin"), PosixFilePermissions.fromString("rwx------"));
        Files.createSymbolicLink(root.resolve("latest"), Path.of("Packages"));
        Files.createSymbolicLink(root.resolve("bin/rpm"), Path.of("../Packages/" + RPM));
        Files.createSymbolicLink(root.resolve("bin/long"), Path.of(LONG_LINK));
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setLastModifiedTime(p, FileTime.from(Files.isDirectory(p) ? DIRECTORY_TIME : FILE_TIME));
                }
            }
        }
        return root;
    }

    /** The image the tests read: the tree at {@code source} as the image's root. */
    static Path write(Path source, Path iso) throws IsoWriteException {
        new IsoWriter("XS-TEST binpkg", EPOCH).addTree("", source).write(iso, Events.NONE);
        return iso;
    }

    /** Each directory below {@code root} with its permission bits and modification second. */
    static SortedMap<String, String> directories(Path root) throws IOException {
        SortedMap<String, String> dirs = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(p -> !p.equals(root) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                dirs.put(root.relativize(p).toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(p))
                        + " " + Files.getLastModifiedTime(p).toInstant().getEpochSecond());
            }
        }
        return dirs;
    }

    /** The same facts as {@link #directories(Path)}, as the image's Rock Ridge records them. */
    static SortedMap<String, String> directories(IsoImage image) throws IsoException {
        SortedMap<String, String> dirs = new TreeMap<>();
        for (IsoEntry e : image.entries()) {
            if (e.isDirectory()) {
                dirs.put(e.path(), permissions(e.permissions()) + " " + e.modified().getEpochSecond());
            }
        }
        return dirs;
    }

    private static String permissions(int bits) {
        StringBuilder s = new StringBuilder();
        String letters = "rwx";
        for (int i = 8; i >= 0; i--) {
            s.append((bits & 1 << i) != 0 ? letters.charAt(2 - i % 3) : '-');
        }
        return s.toString();
    }

    static List<String> paths(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
