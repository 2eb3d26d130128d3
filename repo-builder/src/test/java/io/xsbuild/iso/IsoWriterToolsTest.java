package io.xsbuild.iso;

import io.xsbuild.event.Events;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Images written by {@link IsoWriter}, checked with the real tools: xorriso extracts the source
 * tree from them, isoinfo and isovfy (genisoimage) find them sound, and each tool sees the names
 * and extents the project's reader sees.
 */
class IsoWriterToolsTest {

    @TempDir
    static Path work;

    static Path source;
    static Path iso;

    @BeforeAll
    static void write() throws Exception {
        source = WriterTree.create(work.resolve("src"));
        iso = WriterTree.write(source, work.resolve("image.iso"));
    }

    @Test
    void xorrisoExtractsTheSourceTree() throws Exception {
        Path extracted = work.resolve("extracted");
        IsoTools.extract(iso, extracted);
        assertThat(TreeSnapshot.of(extracted).nodes()).containsExactlyEntriesOf(TreeSnapshot.of(source).nodes());
        assertThat(WriterTree.directories(extracted)).containsExactlyEntriesOf(WriterTree.directories(source));
    }

    @Test
    void isoinfoAndIsovfyFindTheImageSound() throws Exception {
        assertThat(IsoTools.run("isoinfo", "-d", "-i", iso.toString()))
                .contains("Volume id: XS-TEST binpkg", "Logical block size is: 2048",
                        "Volume size is: " + Files.size(iso) / 2048, "Joliet with UCS level 3 found",
                        "Rock Ridge signatures version 1 found");
        assertThat(IsoTools.run("isovfy", iso.toString())).endsWith("No errors found\n");
    }

    @Test
    void isoinfoListsTheRockRidgeAndJolietNamesTheReaderReads() throws Exception {
        assertThat(lines(IsoTools.run("isoinfo", "-R", "-f", "-i", iso.toString())))
                .containsExactlyInAnyOrderElementsOf(WriterTree.paths(source).stream().map(p -> "/" + p).toList());
        try (IsoImage joliet = IsoImage.open(iso, IsoVolume.Names.JOLIET)) {
            List<String> isoinfo = lines(IsoTools.run("isoinfo", "-J", "-f", "-i", iso.toString()));
            assertThat(isoinfo).hasSameSizeAs(joliet.entries());
            // isoinfo prints Latin-1, '_' for what Latin-1 lacks: the names that are ASCII then are compared
            assertThat(isoinfo.stream().filter(IsoWriterToolsTest::ascii)).containsExactlyInAnyOrderElementsOf(joliet.entries().stream()
                    .map(e -> "/" + e.path().replaceAll("[^\\x00-\\xff]", "_")).filter(IsoWriterToolsTest::ascii).toList());
        }
    }

    @Test
    void xorrisoFindsEveryExtentWhereTheReaderDoes() throws Exception {
        String checked = IsoTools.run("xorriso", "-abort_on", "NEVER", "-report_about", "WARNING", "-indev", iso.toString(), "-check_media", "--");
        assertThat(checked).contains("Media region :          0 , " + String.format("%10d", Files.size(iso) / 2048) + " , + good")
                .doesNotContain("WARNING", "FAILURE", "SORRY");
        try (IsoImage image = IsoImage.open(iso)) {
            assertThat(xorrisoExtents(iso)).containsExactlyInAnyOrderElementsOf(readerExtents(image));
        }
    }

    @Test
    void xorrisoReadsMultiExtentFiles() throws Exception {
        byte[] big = new byte[10_000];
        new Random(5).nextBytes(big);
        Path image = work.resolve("multi.iso");
        new IsoWriter("MULTI", Instant.EPOCH).maxExtent(4096).addBytes("big.bin", big).addBytes("exact.bin", new byte[8192])
                .write(image, Events.NONE);
        try (IsoImage read = IsoImage.open(image)) {
            assertThat(xorrisoExtents(image)).containsExactlyInAnyOrderElementsOf(readerExtents(read)).hasSize(5);
        }
        Path extracted = work.resolve("multi");
        IsoTools.extract(image, extracted);
        assertThat(extracted.resolve("big.bin")).hasBinaryContent(big);
        assertThat(extracted.resolve("exact.bin")).hasBinaryContent(new byte[8192]);
    }

    /** Each extent of each file, as xorriso's report_lba gives it: "path extent-number start-block blocks file-size". */
    private static List<String> xorrisoExtents(Path image) throws Exception {
        List<String> extents = new ArrayList<>();
        for (String line : IsoTools.run("xorriso", "-indev", image.toString(), "-find", "/", "-type", "f", "-exec", "report_lba").split("\n")) {
            if (line.startsWith("File data lba:")) {
                String[] f = line.substring("File data lba:".length()).split(",", 5);
                String path = f[4].trim().replaceAll("^'/|'$", "");
                if (!f[3].trim().equals("0")) {
                    extents.add(path + " " + f[0].trim() + " " + f[1].trim() + " " + f[2].trim() + " " + f[3].trim());
                }
            }
        }
        return extents;
    }

    private static List<String> readerExtents(IsoImage image) throws IsoException {
        List<String> extents = new ArrayList<>();
        for (IsoEntry e : image.entries()) {
            for (int i = 0; i < e.extents().size() && e.isFile(); i++) {
                Extent x = e.extents().get(i);
                extents.add(e.path() + " " + i + " " + x.offset() / 2048 + " " + (x.length() + 2047) / 2048 + " " + e.size());
            }
        }
        return extents;
    }

    private static List<String> lines(String output) {
        return Stream.of(output.split("\n")).filter(l -> l.startsWith("/")).toList();
    }

    private static boolean ascii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }
}
