package io.xsbuild.repo;

import io.xsbuild.event.Events;
import io.xsbuild.io.Compression;
import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.repomd.RepomdRecord;
import io.xsbuild.testing.ChildJvm;
import io.xsbuild.testing.Corpus;
import io.xsbuild.testing.Repodata;
import io.xsbuild.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A child JVM publishes the same repository again and again and is killed (SIGKILL) at random
 * moments; after each kill, repodata/repomd.xml must name files that exist and match its
 * checksums and sizes, compressed and open, and hold well-formed metadata.
 */
class KilledRunTest {

    private static final int KILLS = 10;

    @TempDir
    Path dir;

    @Test
    void aRunKilledAtAnyMomentLeavesReadableRepodata() throws Exception {
        TestData.copyAll(dir);
        Corpus.generate(dir.resolve("generated"), Corpus.Spec.small(30, 5));
        new RepoCreator(Events.NONE).create(RepoCreateRequest.defaults(dir));
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int changed = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            String before = Files.readString(dir.resolve("repodata/repomd.xml"));
            long delay = 300 + random.nextInt(2000);
            ChildJvm.runAndKill(PublishingChild.class, delay, dir.toString());
            assertReadable(dir, "after a kill " + delay + " ms in (seed " + seed + ")");
            if (!before.equals(Files.readString(dir.resolve("repodata/repomd.xml")))) {
                changed++;
            }
        }
        assertThat(changed).as("kills that came after at least one publish").isPositive();
        RepoCreateResult clean = new RepoCreator(Events.NONE).create(RepoCreateRequest.defaults(dir));
        assertThat(clean.packages()).isEqualTo(42);
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".repodata.tmp-"));
        }
    }

    static void assertReadable(Path repo, String when) throws Exception {
        Repomd repomd = Repomd.read(repo.resolve("repodata/repomd.xml"));
        assertThat(repomd.records()).as(when).hasSize(3);
        for (RepomdRecord r : repomd.records()) {
            Path file = repo.resolve(r.href());
            assertThat(file).as(when).exists();
            assertThat(Files.size(file)).as(when + ": " + r.href()).isEqualTo(r.size());
            assertThat(sha256(Files.newInputStream(file))).as(when + ": " + r.href()).isEqualTo(r.checksum());
            assertThat(sha256(Compression.ofFile(r.href()).decompress(Files.newInputStream(file))))
                    .as(when + ": open " + r.href()).isEqualTo(r.openChecksum());
        }
        Repodata published = Repodata.read(repo);
        assertThat(published.of("primary")).as(when).hasSize(42);
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (in) {
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
