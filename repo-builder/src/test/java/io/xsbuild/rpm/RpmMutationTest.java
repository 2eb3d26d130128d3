package io.xsbuild.rpm;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.repo.xml.MetadataEntries;
import io.xsbuild.testing.Corpus;
import io.xsbuild.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Real packages broken in every way a byte can break them: cut at every offset of the header
 * region, each header byte flipped, index counts and offsets and header lengths inflated. Each case
 * must end, within seconds, in a {@link BadPackageException} or in a package whose metadata can be
 * written: never another exception, a hang or an out-of-memory error.
 */
class RpmMutationTest {

    private static final RpmReader READER = new RpmReader(ChecksumType.SHA256, 10, "", w -> { });
    private static ExecutorService runner;
    private static int cases;

    @TempDir
    static Path generated;

    @BeforeAll
    static void start() {
        runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mutation-case");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stop() {
        runner.shutdownNow();
    }

    /** One broken package and what was done to it. */
    private record Case(String what, byte[] bytes) {
    }

    private static List<byte[]> originals() throws Exception {
        List<byte[]> files = new ArrayList<>();
        for (String name : List.of("Archer-3.4.5-6.x86_64.rpm", "empty-signed-v6-multiple-0-0.x86_64.rpm",
                "balicek-iso88592-1.1.1-1.x86_64.rpm", "empty-0-0.src.rpm")) {
            files.add(Files.readAllBytes(TestData.pkg(name)));
        }
        for (Path p : Corpus.generate(generated, Corpus.Spec.small(2, 11))) {
            files.add(Files.readAllBytes(p));
        }
        return files;
    }

    private static void check(Case c) throws Exception {
        cases++;
        Future<String> outcome = runner.submit(() -> {
            try {
                RpmPackage p = READER.read(new ByteArrayInputStream(c.bytes()), "mutant.rpm", c.bytes().length, 0, null);
                MetadataEntries.of(p);
                return "read";
            } catch (BadPackageException e) {
                assertThat(e.getMessage()).startsWith("mutant.rpm: ");
                return "bad";
            }
        });
        try {
            outcome.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            outcome.cancel(true);
            fail("no answer within 10 s for " + c.what());
        } catch (java.util.concurrent.ExecutionException e) {
            fail(c.what() + " ended in " + e.getCause(), e.getCause());
        }
    }

    /** Where the main header ends: lead, signature header, padding, main header. */
    private static int headerEnd(byte[] rpm) {
        int sigEnd = sigEnd(rpm);
        int start = sigEnd + (8 - sigEnd % 8) % 8;
        ByteBuffer b = ByteBuffer.wrap(rpm);
        return start + 16 + 16 * b.getInt(start + 8) + b.getInt(start + 12);
    }

    private static int sigEnd(byte[] rpm) {
        ByteBuffer b = ByteBuffer.wrap(rpm);
        return 96 + 16 + 16 * b.getInt(104) + b.getInt(108);
    }

    @Test
    void cutAtEveryOffsetOfTheHeaders() throws Exception {
        int before = cases;
        for (byte[] rpm : originals()) {
            for (int length = 0; length <= Math.min(rpm.length - 1, headerEnd(rpm) + 64); length++) {
                check(new Case("cut to " + length + " bytes", Arrays.copyOf(rpm, length)));
            }
        }
        assertThat(cases - before).isGreaterThan(10_000);
    }

    @Test
    void everyHeaderByteFlipped() throws Exception {
        int before = cases;
        for (byte[] rpm : originals()) {
            int end = headerEnd(rpm);
            for (int at = 0; at < end; at++) {
                for (int mask : new int[] {0xff, 0x01}) {
                    byte[] mutant = rpm.clone();
                    mutant[at] ^= (byte) mask;
                    check(new Case("byte " + at + " xor " + mask, mutant));
                }
            }
        }
        assertThat(cases - before).isGreaterThan(20_000);
    }

    @Test
    void countsOffsetsAndLengthsInflated() throws Exception {
        int before = cases;
        int[] absurd = {0, 1, -1, 0x7fffffff, 0x80000000, 0xffff, 0x10000, 0x0fffffff, 0x10000000, 4096};
        for (byte[] rpm : originals()) {
            int sigStart = 96;
            int sigEnd = sigEnd(rpm);
            int mainStart = sigEnd + (8 - sigEnd % 8) % 8;
            for (int headerStart : new int[] {sigStart, mainStart}) {
                ByteBuffer b = ByteBuffer.wrap(rpm);
                int entries = b.getInt(headerStart + 8);
                for (int field : new int[] {8, 12}) {
                    for (int value : absurd) {
                        check(new Case("header at " + headerStart + " field " + field + " = " + value,
                                withInt(rpm, headerStart + field, value)));
                    }
                }
                for (int e = 0; e < entries; e++) {
                    int entry = headerStart + 16 + 16 * e;
                    for (int field : new int[] {4, 8, 12}) {
                        int original = b.getInt(entry + field);
                        for (int value : new int[] {0, -1, 0x7fffffff, 0x80000000, original + 1, original * 1000,
                                original - 1, 16, 9}) {
                            check(new Case("entry " + e + " of header at " + headerStart + " field " + field
                                    + " = " + value, withInt(rpm, entry + field, value)));
                        }
                    }
                }
            }
        }
        assertThat(cases - before).isGreaterThan(5_000);
    }

    private static byte[] withInt(byte[] rpm, int at, int value) {
        byte[] mutant = rpm.clone();
        ByteBuffer.wrap(mutant).putInt(at, value);
        return mutant;
    }
}
