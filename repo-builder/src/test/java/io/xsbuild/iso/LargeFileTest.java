package io.xsbuild.iso;

import io.xsbuild.iso.CraftedIso.Rec;
import io.xsbuild.iso.CraftedIso.Susp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static io.xsbuild.iso.CraftedIso.SECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file over 4 GiB in two extents, in a sparse image: only the bytes the test checks are written,
 * so the 4.4 GB image costs a few kilobytes of disk. (xorriso makes such an image in about 35 s and
 * 4.7 GB of writes, too much for a unit test.) xorriso reads the same image as the reference.
 */
class LargeFileTest {

    static final long FIRST = 0xFFFFF800L;
    static final long SECOND = 100L << 20;
    static final int MARK = 8192;

    @TempDir
    Path dir;

    @Test
    void readsAMultiExtentFileOverFourGibAsXorrisoDoes() throws Exception {
        long firstBlock = 40;
        long secondBlock = firstBlock + FIRST / SECTOR + 8;
        long blocks = secondBlock + SECOND / SECTOR + 16;
        Random random = new Random(7);
        byte[] head = bytes(random);
        byte[] across = bytes(random);
        byte[] tail = bytes(random);
        byte[] rr = Susp.concat(Susp.nm("huge.bin"), Susp.px(0100644));
        CraftedIso crafted = new CraftedIso(blocks)
                .primary(20, SECTOR)
                .directory(20, Rec.self(20, SECTOR, Susp.rockRidgeRoot()), Rec.parent(20, SECTOR),
                        Rec.file("HUGE.BIN;1", firstBlock, FIRST, rr).flags(0x80),
                        Rec.file("HUGE.BIN;1", secondBlock, SECOND, rr))
                .bytes(firstBlock * SECTOR, head)
                .bytes(firstBlock * SECTOR + FIRST - MARK / 2, Arrays.copyOfRange(across, 0, MARK / 2))
                .bytes(secondBlock * SECTOR - 8 * SECTOR, filled((byte) 'X', 8 * SECTOR))
                .bytes(secondBlock * SECTOR, Arrays.copyOfRange(across, MARK / 2, MARK))
                .bytes(secondBlock * SECTOR + SECOND - MARK, tail);
        Path iso = crafted.write(dir.resolve("huge.iso"));

        long size = FIRST + SECOND;
        try (IsoImage image = IsoImage.open(iso)) {
            IsoEntry huge = image.find("huge.bin").orElseThrow();
            assertThat(huge.size()).isEqualTo(size).isGreaterThan(1L << 32);
            assertThat(huge.extents()).containsExactly(new Extent(firstBlock * SECTOR, FIRST), new Extent(secondBlock * SECTOR, SECOND));
            try (InputStream in = image.open(huge)) {
                assertThat(in.readNBytes(MARK)).isEqualTo(head);
                assertThat(in.skip(FIRST - MARK / 2 - MARK)).isEqualTo(FIRST - MARK / 2 - MARK);
                assertThat(in.readNBytes(MARK)).isEqualTo(across);
                in.skipNBytes(SECOND - MARK / 2 - MARK);
                assertThat(in.readNBytes(MARK)).isEqualTo(tail);
                assertThat(in.read()).isEqualTo(-1);
            }
            assertThat(xorrisoExtents(iso)).containsExactly(
                    List.of(0L, firstBlock, FIRST / SECTOR, size), List.of(1L, secondBlock, SECOND / SECTOR, size));
        }
        assertThat(xorrisoCut(iso, FIRST - MARK / 2)).isEqualTo(across);
        assertThat(xorrisoCut(iso, size - MARK)).isEqualTo(tail);
    }

    /** Each extent as xorriso reports it: extent number, start block, blocks, file size. */
    private static List<List<Long>> xorrisoExtents(Path iso) throws Exception {
        List<List<Long>> extents = new ArrayList<>();
        for (String line : IsoTools.run("xorriso", "-indev", iso.toString(), "-find", "/huge.bin", "-exec", "report_lba").split("\n")) {
            if (line.startsWith("File data lba:")) {
                String[] f = line.substring("File data lba:".length()).split(",");
                extents.add(List.of(Long.parseLong(f[0].trim()), Long.parseLong(f[1].trim()), Long.parseLong(f[2].trim()),
                        Long.parseLong(f[3].trim())));
            }
        }
        return extents;
    }

    private byte[] xorrisoCut(Path iso, long offset) throws Exception {
        Path out = dir.resolve("cut-" + offset);
        IsoTools.run("xorriso", "-osirrox", "on", "-indev", iso.toString(), "-extract_cut", "/huge.bin",
                Long.toString(offset), Integer.toString(MARK), out.toString());
        return Files.readAllBytes(out);
    }

    private static byte[] bytes(Random random) {
        byte[] b = new byte[MARK];
        random.nextBytes(b);
        return b;
    }

    private static byte[] filled(byte value, int length) {
        byte[] b = new byte[length];
        Arrays.fill(b, value);
        return b;
    }
}
