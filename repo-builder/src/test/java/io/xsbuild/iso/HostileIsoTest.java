package io.xsbuild.iso;

import io.xsbuild.iso.CraftedIso.Rec;
import io.xsbuild.iso.CraftedIso.Susp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import static io.xsbuild.iso.CraftedIso.SECTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Images made to escape, loop or lie: each is refused with a typed error naming the image and the offset. */
class HostileIsoTest {

    static final long BLOCKS = 64;
    static final long ROOT = 20;
    static final long SUB = 21;
    static final long DATA = 30;
    static final long AREA = 40;
    static final int LINK = 0120777;

    @TempDir
    Path dir;

    /** A Rock Ridge image whose root holds {@code children}. */
    private static CraftedIso rockRidge(Rec... children) {
        Rec[] records = Stream.concat(Stream.of(Rec.self(ROOT, SECTOR, Susp.rockRidgeRoot()), Rec.parent(ROOT, SECTOR)),
                Stream.of(children)).toArray(Rec[]::new);
        return new CraftedIso(BLOCKS).primary(ROOT, SECTOR).directory(ROOT, records);
    }

    /** A plain image whose root holds {@code children}. */
    private static CraftedIso plain(Rec... children) {
        Rec[] records = Stream.concat(Stream.of(Rec.self(ROOT, SECTOR), Rec.parent(ROOT, SECTOR)), Stream.of(children))
                .toArray(Rec[]::new);
        return new CraftedIso(BLOCKS).primary(ROOT, SECTOR).directory(ROOT, records);
    }

    /** A Joliet image (no Rock Ridge) whose Joliet root holds {@code children}. */
    private static CraftedIso joliet(Rec... children) {
        Rec[] records = Stream.concat(Stream.of(Rec.self(SUB, SECTOR), Rec.parent(SUB, SECTOR)), Stream.of(children))
                .toArray(Rec[]::new);
        return plain().joliet(SUB, SECTOR).directory(SUB, records);
    }

    private <T extends IsoException> T refused(CraftedIso crafted, Class<T> type) throws IOException {
        Path iso = crafted.write(Files.createTempFile(dir, "hostile", ".iso"));
        T e = catchThrowableOfType(type, () -> readEverything(iso));
        assertThat(e).as("refused with " + type.getSimpleName()).isNotNull();
        assertThat(e.getMessage()).contains(iso.toString()).doesNotContain("\n");
        assertThat(e.iso()).isEqualTo(iso);
        return e;
    }

    static void readEverything(Path iso) throws IOException, IsoException {
        try (IsoImage image = IsoImage.open(iso)) {
            for (IsoEntry e : image.entries()) {
                if (e.isFile()) {
                    try (InputStream in = image.open(e)) {
                        in.transferTo(OutputStreamSink.INSTANCE);
                    }
                }
            }
        }
    }

    private static Rec rrFile(String isoName, byte[]... su) {
        return Rec.file(isoName, DATA, 0, su);
    }

    private long offsetIn(CraftedIso crafted, String isoName) {
        return crafted.offsetOf(isoName);
    }

    @Test
    void refusesARockRidgeNameThatClimbs() throws IOException {
        CraftedIso crafted = rockRidge(rrFile("A.;1", Susp.nm(0x04, new byte[0])));
        UnsafeIsoEntryException e = refused(crafted, UnsafeIsoEntryException.class);
        assertThat(e.offset()).isEqualTo(offsetIn(crafted, "A.;1"));
        assertThat(e.entry()).isEqualTo("..");
        assertThat(e.getMessage()).contains("at byte " + e.offset()).contains("climb");
    }

    @Test
    void refusesRockRidgeNamesWithSeparatorsNulOrNothing() throws IOException {
        assertThat(refused(rockRidge(rrFile("A.;1", Susp.nm("../../etc/passwd"))), UnsafeIsoEntryException.class)
                .getMessage()).contains("contains '/'");
        assertThat(refused(rockRidge(rrFile("A.;1", Susp.nm("/"))), UnsafeIsoEntryException.class)
                .getMessage()).contains("contains '/'");
        assertThat(refused(rockRidge(rrFile("A.;1", Susp.nm("a\0b"))), UnsafeIsoEntryException.class)
                .getMessage()).contains("NUL");
        assertThat(refused(rockRidge(rrFile("A.;1", Susp.nm(""))), UnsafeIsoEntryException.class)
                .getMessage()).contains("empty");
    }

    @Test
    void refusesJolietNamesThatClimbOrCarrySeparators() throws IOException {
        CraftedIso climbing = joliet(Rec.joliet("..", DATA, 0, 0));
        assertThat(refused(climbing, UnsafeIsoEntryException.class).offset()).isEqualTo(offsetIn(climbing, ".."));
        assertThat(refused(joliet(Rec.joliet("etc/passwd", DATA, 0, 0)), UnsafeIsoEntryException.class).entry())
                .isEqualTo("etc/passwd");
    }

    @Test
    void refusesAPlainNameThatClimbsOnceItsVersionIsRemoved() throws IOException {
        assertThat(refused(plain(Rec.file("..;1", DATA, 0)), UnsafeIsoEntryException.class).getMessage()).contains("climb");
    }

    @Test
    void refusesADirectoryThatPointsAtItsParent() throws IOException {
        CraftedIso crafted = plain(Rec.dir("SUB", SUB, SECTOR))
                .directory(SUB, Rec.self(SUB, SECTOR), Rec.parent(ROOT, SECTOR), Rec.dir("BACK", ROOT, SECTOR));
        UnsafeIsoEntryException e = refused(crafted, UnsafeIsoEntryException.class);
        assertThat(e.entry()).isEqualTo("SUB/BACK");
        assertThat(e.offset()).isEqualTo(offsetIn(crafted, "BACK"));
        assertThat(e.getMessage()).contains("loops");
    }

    @Test
    void refusesARockRidgeChildLinkBackToTheRoot() throws IOException {
        CraftedIso crafted = rockRidge(rrFile("X.;1", Susp.nm("x"), Susp.cl(ROOT)));
        assertThat(refused(crafted, UnsafeIsoEntryException.class).getMessage()).contains("loops");
    }

    @Test
    void refusesContinuationAreasOutsideTheVolumeOrLooping() throws IOException {
        CorruptIsoException outside = refused(rockRidge(rrFile("A.;1", Susp.ce(10_000, 0, 100))), CorruptIsoException.class);
        assertThat(outside.getMessage()).contains("outside the volume");
        refused(rockRidge(rrFile("A.;1", Susp.ce(AREA, 4000, 100))), CorruptIsoException.class);
        refused(rockRidge(rrFile("A.;1", Susp.ce(AREA, 0, 1 << 20))), CorruptIsoException.class);

        byte[] ce = Susp.ce(AREA, 0, 28);
        CraftedIso looping = rockRidge(rrFile("A.;1", Susp.nm("a"), ce)).bytes(AREA * SECTOR, ce);
        assertThat(refused(looping, CorruptIsoException.class).getMessage()).contains("loops");
    }

    @Test
    void refusesExtentsBeyondTheEndOfTheVolume() throws IOException {
        CraftedIso far = plain(Rec.file("A.;1", 1_000, 10));
        CorruptIsoException e = refused(far, CorruptIsoException.class);
        assertThat(e.offset()).isEqualTo(offsetIn(far, "A.;1") + 2);
        assertThat(e.getMessage()).contains("past the end of the volume");
        refused(plain(Rec.file("A.;1", DATA, 10L << 20)), CorruptIsoException.class);
        refused(plain(Rec.file("A.;1", DATA, 0xFFFFFFFFL)), CorruptIsoException.class);
        refused(plain(Rec.dir("SUB", SUB, 1 << 20)), CorruptIsoException.class);
        refused(plain(Rec.dir("SUB", 0xFFFFFFF0L, SECTOR)), CorruptIsoException.class);
    }

    @Test
    void refusesLengthsThatDoNotFit() throws IOException {
        CraftedIso shortDirectory = new CraftedIso(BLOCKS).primary(ROOT, 100)
                .directory(ROOT, Rec.self(ROOT, 100), Rec.parent(ROOT, 100), Rec.file("A.;1", DATA, 10));
        assertThat(refused(shortDirectory, CorruptIsoException.class).offset()).isEqualTo(offsetIn(shortDirectory, "A.;1"));

        byte[] nm = Susp.nm("name");
        nm[2] = (byte) 120;
        assertThat(refused(rockRidge(rrFile("A.;1", nm)), CorruptIsoException.class).getMessage()).contains("does not fit");

        refused(plain(Rec.file("A.;1", DATA, 10).lyingBigEndian(99)), CorruptIsoException.class);
        CorruptIsoException truncated = refused(plain().fileLength(BLOCKS * SECTOR / 2), CorruptIsoException.class);
        assertThat(truncated.getMessage()).contains("truncated");
        assertThat(truncated.offset()).isEqualTo(CraftedIso.PVD + 80);
    }

    @Test
    void refusesFilesThatAreNotIsoImages() throws IOException {
        byte[] noise = new byte[100_000];
        new Random(1).nextBytes(noise);
        Path random = Files.write(dir.resolve("noise.iso"), noise);
        CorruptIsoException e = catchThrowableOfType(CorruptIsoException.class, () -> IsoImage.open(random));
        assertThat(e.getMessage()).contains("not an ISO image");
        Path tiny = Files.write(dir.resolve("tiny.iso"), new byte[1000]);
        assertThat(catchThrowableOfType(CorruptIsoException.class, () -> IsoImage.open(tiny)).getMessage()).contains("too short");
        Path missing = dir.resolve("missing.iso");
        assertThat(catchThrowableOfType(IsoReadException.class, () -> IsoImage.open(missing)).getMessage())
                .isEqualTo("ISO " + missing + " does not exist");
    }

    @Test
    void refusesSymlinksThatLeaveTheImage() throws IOException {
        assertThat(refused(rockRidge(rrFile("L.;1", Susp.nm("l"), Susp.px(LINK), Susp.sl("", "etc", "passwd"))),
                UnsafeIsoEntryException.class).getMessage()).contains("'/etc/passwd' is absolute");
        assertThat(refused(rockRidge(rrFile("L.;1", Susp.nm("l"), Susp.px(LINK), Susp.sl("..", "etc"))),
                UnsafeIsoEntryException.class).getMessage()).contains("above the root");
        CraftedIso throughLink = rockRidge(
                rrFile("A.;1", Susp.nm("a"), Susp.px(LINK), Susp.sl("b", "..")),
                rrFile("B.;1", Susp.nm("b"), Susp.px(LINK), Susp.sl(".")));
        assertThat(refused(throughLink, UnsafeIsoEntryException.class).entry()).isEqualTo("a");
        CraftedIso loop = rockRidge(
                rrFile("A.;1", Susp.nm("a"), Susp.px(LINK), Susp.sl("b")),
                rrFile("B.;1", Susp.nm("b"), Susp.px(LINK), Susp.sl("a")));
        assertThat(refused(loop, UnsafeIsoEntryException.class).getMessage()).contains("more than 40 links");
    }

    @Test
    void acceptsALinkThatStaysInsideEvenWhenDangling() throws Exception {
        Path iso = rockRidge(rrFile("A.;1", Susp.nm("a"), Susp.px(LINK), Susp.sl("nowhere", "..", "x")))
                .write(dir.resolve("ok.iso"));
        try (IsoImage image = IsoImage.open(iso)) {
            assertThat(image.entries()).singleElement().satisfies(e -> assertThat(e.symlinkTarget()).isEqualTo("nowhere/../x"));
        }
    }

    @Test
    void refusesTwoEntriesOfOneName() throws IOException {
        CraftedIso crafted = rockRidge(rrFile("A.;1", Susp.nm("same")), rrFile("B.;1", Susp.nm("same")));
        UnsafeIsoEntryException e = refused(crafted, UnsafeIsoEntryException.class);
        assertThat(e.offset()).isEqualTo(offsetIn(crafted, "B.;1"));
    }

    @Test
    void refusesTwoFilesThatShareAnExtentNamingBoth() throws IOException {
        CraftedIso shared = plain(Rec.file("A.RPM;1", DATA, 3 * SECTOR), Rec.file("B.RPM;1", DATA, 3 * SECTOR));
        CorruptIsoException e = refused(shared, CorruptIsoException.class);
        assertThat(e.getMessage()).contains("A.RPM", "B.RPM");
        assertThat(e.offset()).isEqualTo(offsetIn(shared, "B.RPM;1"));

        CraftedIso overlapping = plain(Rec.file("A.RPM;1", DATA, 3 * SECTOR), Rec.file("B.RPM;1", DATA + 2, SECTOR));
        assertThat(refused(overlapping, CorruptIsoException.class).getMessage()).contains("A.RPM", "B.RPM");
    }

    @Test
    void acceptsEmptyFilesAndFilesThatOnlyTouch() throws Exception {
        Path iso = plain(Rec.file("A.;1", DATA, 2 * SECTOR), Rec.file("B.;1", DATA + 2, 10), Rec.file("C.;1", DATA, 0),
                Rec.file("D.;1", DATA, 0)).write(dir.resolve("ok.iso"));
        readEverything(iso);
    }

    @Test
    void refusesBrokenMultiExtentFiles() throws IOException {
        refused(plain(Rec.file("A.;1", DATA, SECTOR).flags(0x80)), CorruptIsoException.class);
        refused(plain(Rec.file("A.;1", DATA, SECTOR).flags(0x80), Rec.file("B.;1", DATA + 1, 10)), CorruptIsoException.class);
        refused(plain(Rec.dir("D", SUB, SECTOR).flags(0x82), Rec.dir("D", SUB, SECTOR))
                .directory(SUB, Rec.self(SUB, SECTOR), Rec.parent(ROOT, SECTOR)), CorruptIsoException.class);
    }

    @Test
    void saysWhatItDoesNotRead() throws IOException {
        assertThat(refused(rockRidge(rrFile("A.;1", Susp.nm("a"), Susp.zf())), UnsupportedIsoException.class).getMessage())
                .contains("zisofs");
        assertThat(refused(plain().blockSize(512), UnsupportedIsoException.class).getMessage())
                .contains("logical blocks of 512 bytes");
    }

    @Test
    void readsSmallFilesWholeButNotLargeOnes() throws Exception {
        Path iso = plain(Rec.file("A.;1", DATA, 5)).bytes(DATA * SECTOR, "hello".getBytes(StandardCharsets.US_ASCII))
                .write(dir.resolve("small.iso"));
        try (IsoImage image = IsoImage.open(iso)) {
            assertThat(image.readFile("/A", 5)).hasValueSatisfying(b -> assertThat(b).asString().isEqualTo("hello"));
            assertThat(image.readFile("B", 5)).isEmpty();
            IsoEntry a = image.find("A").orElseThrow();
            assertThat(catchThrowableOfType(IsoFileTooLargeException.class, () -> image.readAllBytes(a, 4)).getMessage())
                    .contains("A is 5 bytes");
        }
    }

    /** Discards what is written to it. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
