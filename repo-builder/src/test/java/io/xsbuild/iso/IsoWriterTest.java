package io.xsbuild.iso;

import io.xsbuild.event.Events;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Images written by {@link IsoWriter}, read back with the project's own reader. */
class IsoWriterTest {

    static final Instant EPOCH = WriterTree.EPOCH;

    @TempDir
    static Path work;

    static Path source;
    static Path iso;

    @TempDir
    Path dir;

    @BeforeAll
    static void write() throws Exception {
        source = WriterTree.create(work.resolve("src"));
        iso = WriterTree.write(source, work.resolve("image.iso"));
    }

    @Test
    void rockRidgeGivesBackTheSourceTree() throws Exception {
        try (IsoImage image = IsoImage.open(iso)) {
            assertThat(image.volume().names()).isEqualTo(IsoVolume.Names.ROCK_RIDGE);
            assertThat(image.volume().volumeId()).isEqualTo("XS-TEST binpkg");
            assertThat(image.volume().created()).isEqualTo(EPOCH);
            assertThat(image.volume().bytes()).isEqualTo(Files.size(iso));
            assertThat(TreeSnapshot.of(image).nodes()).containsExactlyEntriesOf(TreeSnapshot.of(source).nodes());
            assertThat(WriterTree.directories(image)).containsExactlyEntriesOf(WriterTree.directories(source));
            assertThat(image.find("bin/long").orElseThrow().symlinkTarget()).isEqualTo(WriterTree.LONG_LINK);
        }
    }

    @Test
    void jolietGivesTheNamesCutTo64CharactersAndNoLinks() throws Exception {
        String cut = ("xenserver-" + "long-name-".repeat(5));
        Map<String, String> renamed = Map.of(
                "Packages/" + WriterTree.LONGEST, "Packages/" + "n".repeat(60) + ".rpm",
                "Packages/" + WriterTree.JOLIET_A, "Packages/" + cut + ".rpm",
                "Packages/" + WriterTree.JOLIET_B, "Packages/" + cut.substring(0, 59) + "1.rpm",
                "with space & symbols;1.txt", "with space & symbols_1.txt");
        SortedMap<String, String> expected = new TreeMap<>();
        TreeSnapshot.of(source).nodes().forEach((path, node) -> {
            if (node.type() != IsoEntry.Type.SYMLINK) {
                expected.put(renamed.getOrDefault(path, path), node.type() + " " + node.size() + " " + node.sha256());
            }
        });
        try (IsoImage image = IsoImage.open(iso, IsoVolume.Names.JOLIET)) {
            assertThat(image.volume().names()).isEqualTo(IsoVolume.Names.JOLIET);
            SortedMap<String, String> actual = new TreeMap<>();
            TreeSnapshot.of(image).nodes().forEach((path, node) -> actual.put(path, node.type() + " " + node.size() + " " + node.sha256()));
            assertThat(actual).containsExactlyEntriesOf(expected);
        }
    }

    @Test
    void plainNamesAreUniqueLevelOneIdentifiers() throws Exception {
        try (IsoImage plain = IsoImage.open(iso, IsoVolume.Names.ISO9660); IsoImage rockRidge = IsoImage.open(iso)) {
            assertThat(plain.volume().names()).isEqualTo(IsoVolume.Names.ISO9660);
            assertThat(plain.entries()).hasSameSizeAs(rockRidge.entries())
                    .allSatisfy(e -> assertThat(e.name()).matches(e.isDirectory() ? "[A-Z0-9_]{1,8}" : "[A-Z0-9_]{1,8}(\\.[A-Z0-9_]{1,3})?"));
            assertThat(plain.find("PACKAGES/XCP_NETW.RPM").orElseThrow().size()).as("the name that is level 1 already keeps it").isEqualTo(2047);
            assertThat(plain.list("PACKAGES").stream().map(IsoEntry::name).filter(n -> n.startsWith("XCP_NE")))
                    .containsExactlyInAnyOrder("XCP_NETW.RPM", "XCP_NET1.RPM", "XCP_NET2.RPM", "XCP_NET3.RPM", "XCP_NET4.RPM");
            assertThat(plain.find("_TREEINF").orElseThrow().size()).isEqualTo(Files.size(source.resolve(".treeinfo")));
        }
    }

    @Test
    void theSameEntriesGiveTheSameBytesInWhateverOrderTheyWereAdded() throws Exception {
        Path first = dir.resolve("first.iso");
        Path second = dir.resolve("second.iso");
        new IsoWriter("XS-TEST", EPOCH).addTree("", source).addBytes("extra/a.txt", bytes("a"))
                .addSymlink("extra/b", "a.txt").addDirectory("extra/c").write(first, Events.NONE);
        new IsoWriter("XS-TEST", EPOCH).addDirectory("extra/c").addSymlink("extra/b", "a.txt")
                .addBytes("extra/a.txt", bytes("a")).addTree("", source).write(second, Events.NONE);
        assertThat(second).hasSameBinaryContentAs(first);
    }

    @Test
    void fileTimesReplaceTheHostTimes() throws Exception {
        Path tree = WriterTree.create(dir.resolve("tree"));
        Path first = dir.resolve("first.iso");
        new IsoWriter("XS-TEST", EPOCH).fileTimes(EPOCH).addTree("", tree).write(first, Events.NONE);
        Files.setLastModifiedTime(tree.resolve(".treeinfo"), FileTime.from(Instant.now()));
        Path second = dir.resolve("second.iso");
        new IsoWriter("XS-TEST", EPOCH).fileTimes(EPOCH).addTree("", tree).write(second, Events.NONE);
        assertThat(second).hasSameBinaryContentAs(first);
        try (IsoImage image = IsoImage.open(second)) {
            assertThat(image.entries()).allSatisfy(e -> assertThat(e.modified()).isEqualTo(EPOCH));
        }
    }

    @Test
    void filesLargerThanAnExtentSpanSeveral() throws Exception {
        byte[] big = new byte[10_000];
        new Random(3).nextBytes(big);
        Path image = dir.resolve("multi.iso");
        new IsoWriter("MULTI", EPOCH).maxExtent(4096).addBytes("big", big).addBytes("exact", new byte[8192])
                .addBytes("small", bytes("small")).write(image, Events.NONE);
        try (IsoImage read = IsoImage.open(image)) {
            IsoEntry file = read.find("big").orElseThrow();
            assertThat(file.extents()).extracting(Extent::length).containsExactly(4096L, 4096L, 1808L);
            try (InputStream in = read.open(file)) {
                assertThat(in.readAllBytes()).isEqualTo(big);
            }
            assertThat(read.find("exact").orElseThrow().extents()).extracting(Extent::length).containsExactly(4096L, 4096L);
            assertThat(read.find("small").orElseThrow().extents()).extracting(Extent::length).containsExactly(5L);
        }
    }

    @Test
    void refusesDirectoriesDeeperThanEightLevels() throws Exception {
        IsoWriter writer = new IsoWriter("DEEP", EPOCH).addBytes("1/2/3/4/5/6/7/8/too-deep.txt", bytes("x"));
        assertThatThrownBy(() -> writer.write(dir.resolve("deep.iso"), Events.NONE))
                .isInstanceOf(IsoWriteException.class)
                .hasMessage("the directory 1/2/3/4/5/6/7/8 is 9 levels deep, and ISO9660 allows 8 (the root is level 1)");
        assertThat(dir.resolve("deep.iso")).doesNotExist();
    }

    @Test
    void refusesPathsThatCannotBeInAnImage() throws Exception {
        IsoWriter writer = new IsoWriter("NAMES", EPOCH).addBytes("a", bytes("a"));
        assertThatThrownBy(() -> writer.addBytes("a", bytes("b"))).hasMessage("a is added to the image twice");
        assertThatThrownBy(() -> writer.addBytes("a/b", bytes("b"))).hasMessage("cannot add a/b to the image: a is not a directory");
        assertThatThrownBy(() -> writer.addBytes("x/../y", bytes("b"))).hasMessageContaining("'x/../y' cannot be a path in the image");
        assertThatThrownBy(() -> writer.addBytes("x//y", bytes("b"))).hasMessageContaining("the name is empty");
        assertThatThrownBy(() -> writer.addBytes("n".repeat(256), bytes("b"))).hasMessageContaining("longer than 255 bytes");
        assertThatThrownBy(() -> writer.addSymlink("link", "")).isInstanceOf(IsoWriteException.class);
        assertThatThrownBy(() -> writer.addFile("dir", dir)).hasMessage(dir + " is not a regular file")
                .isInstanceOf(IsoWriteException.class);
        for (String id : List.of("", "x".repeat(33), "café")) {
            assertThatThrownBy(() -> new IsoWriter(id, EPOCH)).isInstanceOf(IsoWriteException.class).hasMessageContaining("volume id");
        }
    }

    @Test
    void refusesDevicesFifosAndSockets() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Path fifo = tree.resolve("fifo");
        IsoTools.run("mkfifo", fifo.toString());
        assertThatThrownBy(() -> new IsoWriter("FIFO", EPOCH).addTree("", tree))
                .isInstanceOf(IsoWriteException.class).hasMessageStartingWith(fifo + " is a device, fifo or socket");
    }

    @Test
    void aFailedWriteLeavesWhatWasThere() throws Exception {
        Path image = Files.writeString(dir.resolve("image.iso"), "previous");
        Path gone = Files.writeString(dir.resolve("gone.rpm"), "content");
        Path grows = Files.writeString(dir.resolve("grows.rpm"), "content");

        IsoWriter missing = new IsoWriter("FAIL", EPOCH).addFile("gone.rpm", gone);
        Files.delete(gone);
        assertThatThrownBy(() -> missing.write(image, Events.NONE)).isInstanceOf(IsoWriteException.class)
                .hasMessageStartingWith("cannot copy " + gone + " into " + image);

        IsoWriter growing = new IsoWriter("FAIL", EPOCH).addFile("grows.rpm", grows);
        Files.writeString(grows, " and more", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> growing.write(image, Events.NONE)).isInstanceOf(IsoWriteException.class)
                .hasMessage(grows + " changed while it was written into " + image + ": it had 7 bytes, now 16");

        assertThat(image).hasContent("previous");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("image.iso", "grows.rpm");
        }
    }

    @Test
    void reportsProgressInBytes() throws Exception {
        List<Events.Progress> progress = new ArrayList<>();
        Events events = new Events() {
            @Override
            public void log(Level level, String message) {
            }

            @Override
            public void progress(Progress p) {
                progress.add(p);
            }
        };
        new IsoWriter("PROGRESS", EPOCH).addBytes("a", new byte[3000]).addBytes("b", new byte[5]).write(dir.resolve("p.iso"), events);
        assertThat(progress).extracting(Events.Progress::done).containsExactly(3000L, 3005L);
        assertThat(progress).allSatisfy(p -> assertThat(p.total()).isEqualTo(3005L));
        assertThat(progress.stream().map(Events.Progress::task).collect(Collectors.toSet())).containsExactly("Writing p.iso");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
