package io.xsbuild.snapshot;

import io.xsbuild.event.Events;
import io.xsbuild.iso.IsoTools;
import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.repomd.RepomdRecord;
import io.xsbuild.testing.ChildJvm;
import io.xsbuild.testing.Repodata;
import io.xsbuild.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A child JVM publishes snapshots again and again and is killed (SIGKILL) at random moments; after
 * each kill, current must name a complete snapshot: its repomd.xml names files that are there, and
 * every package its metadata lists is there with the size the metadata gives.
 */
class KilledSnapshotTest {

    private static final int KILLS = 6;
    private static final Pattern PACKAGE = Pattern.compile(
            "<size [^>]*package=\"(\\d+)\"[^>]*>.*?<location href=\"([^\"]+)\">");

    @TempDir
    Path dir;

    @Test
    void aRunKilledAtAnyMomentLeavesCurrentNamingACompleteSnapshot() throws Exception {
        TestData.createrepo();
        Path iso = IsoTools.makeIso(SnapshotTrees.binpkg(dir.resolve("tree"), 60), dir.resolve("binpkg.iso"));
        Path repo = dir.resolve("repo");
        SnapshotResult first = new SnapshotCreator(Events.NONE).create(SnapshotRequest.builder(repo).iso(iso).snapshot("a").build());
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int published = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            String before = Files.readString(repo.resolve("current/snapshot.json"));
            long delay = 300 + random.nextInt(1500);
            ChildJvm.runAndKill(SnapshotChild.class, delay, repo.toString(), iso.toString());
            assertComplete(repo.resolve("current"), first.packages(), "after a kill " + delay + " ms in (seed " + seed + ")");
            published += before.equals(Files.readString(repo.resolve("current/snapshot.json"))) ? 0 : 1;
        }
        assertThat(published).as("kills that came after at least one publish").isPositive();
        SnapshotResult clean = new SnapshotCreator(Events.NONE).create(SnapshotRequest.builder(repo).iso(iso).snapshot("c")
                .keep(2).build());
        assertComplete(clean.current(), first.packages(), "after a clean run");
        try (Stream<Path> left = Files.list(repo)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .allMatch(n -> n.equals(".repodata.lock") || !n.startsWith("."))
                    .contains("c", "current").hasSizeBetween(3, 4);
        }
    }

    private static void assertComplete(Path current, long packages, String when) throws Exception {
        assertThat(Files.isSymbolicLink(current)).as(when).isTrue();
        Repomd repomd = Repomd.read(current.resolve("repodata/repomd.xml"));
        for (RepomdRecord r : repomd.records()) {
            assertThat(Files.size(current.resolve(r.href()))).as(when + ": " + r.href()).isEqualTo(r.size());
        }
        Repodata published = Repodata.read(current);
        assertThat(published.of("primary")).as(when).hasSize((int) packages);
        for (String p : published.of("primary")) {
            Matcher m = PACKAGE.matcher(p);
            assertThat(m.find()).as(p).isTrue();
            assertThat(Files.size(current.resolve(m.group(2)))).as(when + ": " + m.group(2)).isEqualTo(Long.parseLong(m.group(1)));
        }
        assertThat(current.resolve("snapshot.json")).as(when).exists();
    }
}
