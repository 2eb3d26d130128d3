package io.xsbuild.iso;

import io.xsbuild.event.Events;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.FileChecksums;
import io.xsbuild.iso.CraftedIso.Rec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.xsbuild.iso.CraftedIso.SECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One read of an image hands each file the bytes {@link IsoImage#open} would read, whatever the
 * order of the files' extents, and gives the SHA-256 of the whole file.
 */
class ImageScanTest {

    static final long ROOT = 20;

    @TempDir
    Path dir;

    private final Random random = new Random(11);

    private byte[] bytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    /**
     * A: in order; B: two extents, the second before the first; C and D: C's two extents around D;
     * E: larger than the pass's budget; F: empty. The volume is longer than the last file.
     */
    private Path image() throws Exception {
        long e = 200;
        long blocks = e + ImageScan.BUDGET / SECTOR + 400;
        CraftedIso crafted = new CraftedIso(blocks).primary(ROOT, SECTOR).directory(ROOT,
                Rec.self(ROOT, SECTOR), Rec.parent(ROOT, SECTOR),
                Rec.file("A.;1", 30, 5000),
                Rec.file("B.;1", 60, 2 * SECTOR).flags(0x80), Rec.file("B.;1", 40, 3000),
                Rec.file("C.;1", 80, SECTOR).flags(0x80), Rec.file("C.;1", 90, 100),
                Rec.file("D.;1", 85, 3 * SECTOR),
                Rec.file("E.;1", e, ImageScan.BUDGET + 3 * SECTOR + 7),
                Rec.file("F.;1", 0, 0));
        crafted.bytes(0, bytes(16 * SECTOR));
        crafted.bytes(30 * SECTOR, bytes(70 * SECTOR));
        crafted.bytes(e * SECTOR, bytes(ImageScan.BUDGET + 4 * SECTOR));
        return crafted.write(dir.resolve("scan.iso"));
    }

    /** Reads every file through {@code scan} in its order, each on a pool thread, the others from the image. */
    private static Map<String, byte[]> readAll(IsoImage image, ImageScan scan, List<IsoEntry> files) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<String, Future<byte[]>> reads = new HashMap<>();
            List<IsoEntry> order = new ArrayList<>(scan.order());
            files.stream().filter(f -> !order.contains(f)).forEach(order::add);
            for (IsoEntry f : order) {
                reads.put(f.path(), pool.submit(() -> {
                    try (InputStream in = scan.open(f)) {
                        return in.readAllBytes();
                    }
                }));
            }
            Map<String, byte[]> contents = new HashMap<>();
            for (var r : reads.entrySet()) {
                contents.put(r.getKey(), r.getValue().get(30, TimeUnit.SECONDS));
            }
            return contents;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void feedsEveryFileWhatReadingItAloneGivesAndHashesTheWholeImage() throws Exception {
        Path iso = image();
        try (IsoImage image = IsoImage.open(iso)) {
            List<IsoEntry> files = image.entries();
            try (ImageScan scan = ImageScan.start(image, files, true, Events.NONE)) {
                assertThat(scan.order()).extracting(IsoEntry::path).containsExactly("A", "D", "E");
                Map<String, byte[]> contents = readAll(image, scan, files);
                for (IsoEntry f : files) {
                    try (InputStream in = image.open(f)) {
                        assertThat(contents.get(f.path())).as(f.path()).isEqualTo(in.readAllBytes()).hasSize((int) f.size());
                    }
                }
                assertThat(scan.sha256()).isEqualTo(FileChecksums.of(iso, ChecksumType.SHA256));
            }
        }
    }

    @Test
    void withoutAChecksumReadsOnlyTheFilesAndAFileClosedEarlyHoldsUpNoOther() throws Exception {
        Path iso = image();
        try (IsoImage image = IsoImage.open(iso)) {
            IsoEntry a = image.find("A").orElseThrow();
            IsoEntry e = image.find("E").orElseThrow();
            try (ImageScan scan = ImageScan.start(image, List.of(e, a), false, Events.NONE)) {
                assertThat(scan.order()).containsExactly(a, e);
                try (InputStream in = scan.open(a)) {
                    assertThat(in.read()).isNotNegative();
                }
                try (InputStream in = scan.open(e); InputStream alone = image.open(e)) {
                    assertThat(in.readAllBytes()).isEqualTo(alone.readAllBytes());
                }
                assertThat(scan.sha256()).isNull();
            }
        }
    }
}
