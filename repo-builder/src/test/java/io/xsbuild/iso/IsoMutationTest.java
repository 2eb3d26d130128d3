package io.xsbuild.iso;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.xsbuild.iso.CraftedIso.SECTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Real images with their metadata mutated: bytes flipped, set to edge values, numbers rewritten
 * consistently in both byte orders, the file cut short. Every case must end in a valid walk or an
 * {@link IsoException}: never another exception, an out-of-memory error or a hang.
 */
class IsoMutationTest {

    static final int CASES = 3000;
    static final long[] EDGES = {0, 1, 2, 15, 16, 17, 2047, 2048, 2049, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFEL, 0xFFFFFFFFL};

    @TempDir
    static Path work;

    static Path source;

    @BeforeAll
    static void tree() throws IOException {
        source = SourceTree.create(work.resolve("src"));
        Files.delete(source.resolve("Packages/pkg7-1.0-7.x86_64.rpm"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"xorriso -joliet on -compliance joliet_long_names -outdev OUT -map SRC /",
            "genisoimage -quiet -R -J -joliet-long -o OUT SRC",
            "genisoimage -quiet -J -joliet-long -o OUT SRC"})
    void everyMutationEndsInAWalkOrATypedError(String command) throws Exception {
        Path iso = work.resolve(Integer.toHexString(command.hashCode()) + ".iso");
        List<String> cmd = new ArrayList<>();
        for (String arg : command.split(" ")) {
            cmd.add(arg.equals("OUT") ? iso.toString() : arg.equals("SRC") ? source.toString() : arg);
        }
        IsoTools.run(cmd);
        byte[] original = Files.readAllBytes(iso);
        Layout layout = Layout.of(iso);
        Path mutant = Files.copy(iso, work.resolve("mutant.iso"));
        Path truncated = work.resolve("truncated.iso");
        Map<String, Integer> outcomes = new TreeMap<>();
        long[] slowest = {0};
        assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
            for (int c = 0; c < CASES; c++) {
                Random random = new Random(c * 31L + command.hashCode());
                Mutation mutation = Mutation.random(original, layout, random);
                Path target = mutation.apply(original, mutant, truncated);
                long start = System.nanoTime();
                outcomes.merge(outcome(target, command, c), 1, Integer::sum);
                slowest[0] = Math.max(slowest[0], System.nanoTime() - start);
                mutation.undo(original, mutant);
            }
        });
        Files.delete(mutant);
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(CASES);
        assertThat(outcomes).containsKey("valid").containsKey("CorruptIsoException");
        assertThat(Duration.ofNanos(slowest[0])).isLessThan(Duration.ofSeconds(2));
    }

    private static String outcome(Path mutant, String command, int c) {
        try {
            HostileIsoTest.readEverything(mutant);
            return "valid";
        } catch (IsoException e) {
            assertThat(e.getMessage()).contains(mutant.toString()).doesNotContain("\n");
            return e.getClass().getSimpleName();
        } catch (Throwable t) {
            fail("case " + c + " of '" + command + "' ended in " + t, t);
            return null;
        }
    }

    /**
     * One mutation of the metadata (the part of the image before the first file's data): bytes
     * written at {@code offset}, or the image cut to {@code length} bytes.
     */
    private record Mutation(int offset, byte[] bytes, int length) {

        static Mutation random(byte[] original, Layout layout, Random random) {
            int from = 16 * SECTOR;
            int span = layout.metadataEnd - from;
            switch (random.nextInt(4)) {
                case 0 -> {
                    int at = from + random.nextInt(span - 4);
                    byte[] b = Arrays.copyOfRange(original, at, at + 4);
                    for (int i = 1 + random.nextInt(4); i > 0; i--) {
                        b[random.nextInt(4)] ^= (byte) (1 + random.nextInt(255));
                    }
                    return new Mutation(at, b, -1);
                }
                case 1 -> {
                    int[] values = {0, 1, 0x7f, 0x80, 0xff, 0x20};
                    return new Mutation(from + random.nextInt(span), new byte[] {(byte) values[random.nextInt(values.length)]}, -1);
                }
                case 2 -> {
                    int record = layout.records.get(random.nextInt(layout.records.size()));
                    long value = random.nextInt(3) == 0 ? random.nextInt(original.length / SECTOR + 4) : EDGES[random.nextInt(EDGES.length)];
                    byte[] b = new byte[8];
                    Fields.both32(b, 0, value);
                    return new Mutation(record + (random.nextBoolean() ? 2 : 10), b, -1);
                }
                default -> {
                    return new Mutation(0, new byte[0], from + random.nextInt(original.length - from));
                }
            }
        }

        Path apply(byte[] original, Path mutant, Path truncated) throws IOException {
            if (length >= 0) {
                return Files.write(truncated, Arrays.copyOf(original, length));
            }
            write(mutant, bytes);
            return mutant;
        }

        void undo(byte[] original, Path mutant) throws IOException {
            if (length < 0) {
                write(mutant, Arrays.copyOfRange(original, offset, offset + bytes.length));
            }
        }

        private void write(Path file, byte[] data) throws IOException {
            try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
                out.seek(offset);
                out.write(data);
            }
        }
    }

    /** Where the directory records of an image lie, found by scanning its directory extents. */
    private record Layout(int metadataEnd, List<Integer> records) {

        static Layout of(Path iso) throws Exception {
            List<Integer> records = new ArrayList<>();
            long firstData = Long.MAX_VALUE;
            List<Extent> directories = new ArrayList<>();
            try (IsoImage image = IsoImage.open(iso); RandomAccessFile file = new RandomAccessFile(iso.toFile(), "r")) {
                for (IsoEntry e : image.entries()) {
                    if (e.isDirectory()) {
                        directories.add(e.extents().get(0));
                    } else if (e.isFile() && !e.extents().isEmpty()) {
                        firstData = Math.min(firstData, e.extents().get(0).offset());
                    }
                }
                for (Extent d : directories) {
                    byte[] bytes = new byte[(int) d.length()];
                    file.seek(d.offset());
                    file.readFully(bytes);
                    for (int sector = 0; sector < bytes.length; sector += SECTOR) {
                        for (int pos = sector; pos < sector + SECTOR && (bytes[pos] & 0xff) != 0; pos += bytes[pos] & 0xff) {
                            records.add((int) d.offset() + pos);
                        }
                    }
                }
            }
            return new Layout((int) firstData, records);
        }
    }
}
