package io.xsbuild.repo;

import io.xsbuild.io.GzipMembers;
import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.repomd.RepomdRecord;
import io.xsbuild.repo.xml.MetadataBlock;
import io.xsbuild.repo.xml.PublishedBlocks;
import io.xsbuild.testing.Corpus;
import io.xsbuild.testing.Createrepo;
import io.xsbuild.testing.KnownDifferences;
import io.xsbuild.testing.RecordingEvents;
import io.xsbuild.testing.Repodata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gzip metadata in blocks at a size where there are several: what readers see, and updates that
 * copy the unchanged blocks and still write, byte for byte, what a fresh run writes.
 */
class BlockedUpdateTest {

    private static final int PACKAGES = 3000;

    @TempDir
    static Path seedDir;
    private static List<Path> seeds;

    @TempDir
    Path tmp;

    private final RecordingEvents events = new RecordingEvents();

    @BeforeAll
    static void seeds() throws IOException {
        seeds = Corpus.generate(seedDir, Corpus.Spec.small(24, 17));
    }

    /** {@code count} packages in {@code dir}: the seeds, copied under names of their own. */
    private static List<Path> repo(Path dir, int count) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(copy(dir, String.format("p%05d", i), i));
        }
        return files;
    }

    private static Path copy(Path dir, String prefix, int seed) throws IOException {
        Path seedFile = seeds.get(seed % seeds.size());
        Path target = dir.resolve((seed % 4 == 0 ? "sub/" : "") + prefix + "-" + seedFile.getFileName());
        Files.createDirectories(target.getParent());
        Files.copy(seedFile, target);
        Files.setLastModifiedTime(target, FileTime.fromMillis(1_700_000_000_000L + seed * 1000L));
        return target;
    }

    /** A repository of {@code count} packages under tmp, published. */
    private Path published(int count) throws Exception {
        Path dir = tmp.resolve("repo");
        repo(dir, count);
        create(dir, dir, false);
        return dir;
    }

    /** That {@code dir}'s metadata is, byte for byte, what a fresh run with {@code options} writes. */
    private void assertWhatAFreshRunWrites(Path dir, RepoOptions options) throws Exception {
        new RepoCreator(events).create(RepoCreateRequest.builder(dir).outDir(tmp.resolve("fresh")).options(options).build());
        assertThat(checksums(dir)).isEqualTo(checksums(tmp.resolve("fresh")));
    }

    private RepoCreateResult create(Path dir, Path out, boolean update) throws Exception {
        return new RepoCreator(events).create(RepoCreateRequest.builder(dir).outDir(out)
                .options(RepoOptions.builder().update(update).build()).build());
    }

    private static List<String> checksums(Path repo) throws Exception {
        return Repomd.read(repo.resolve("repodata/repomd.xml")).records().stream().map(RepomdRecord::checksum).toList();
    }

    @Test
    void eachFileIsGzipMembersThatGzipAndTheJdkReadAsTheDocumentItsOpenChecksumNames() throws Exception {
        Path dir = tmp.resolve("repo");
        repo(dir, PACKAGES);
        create(dir, dir, false);
        for (RepomdRecord r : Repomd.read(dir.resolve("repodata/repomd.xml")).records()) {
            Path file = dir.resolve(r.href());
            List<GzipMembers.Member> members = GzipMembers.members(ByteBuffer.wrap(Files.readAllBytes(file)));
            assertThat(members).as(r.type() + ": a head, several blocks and a foot").hasSizeGreaterThan(4);
            Process gzip = new ProcessBuilder("gzip", "-dc", file.toString()).start();
            byte[] byGzip = gzip.getInputStream().readAllBytes();
            assertThat(gzip.waitFor()).isZero();
            byte[] byJdk = new GZIPInputStream(Files.newInputStream(file)).readAllBytes();
            assertThat(byGzip).isEqualTo(byJdk);
            assertThat(r.openSize()).isEqualTo(byJdk.length);
            assertThat(r.openChecksum()).isEqualTo(io.xsbuild.io.ChecksumType.SHA256.hex(byJdk));
        }
    }

    @Test
    void anUpdateOfOneNewPackageCopiesTheBlocksItDoesNotFallInto() throws Exception {
        Path dir = tmp.resolve("repo");
        repo(dir, PACKAGES);
        create(dir, dir, false);
        String href = copy(dir, "p01500x", 6).getFileName().toString();
        // the block it falls into is written again, and so are the next ones while that one and
        // they were full: a full block ends one package sooner with one more in it
        List<PublishedBlocks.Block> blocks = PublishedBlocks.open(dir, Repomd.read(dir.resolve(Repomd.PATH))).blocks();
        int hit = 0;
        while (PackageOrder.HREFS.compare(blocks.get(hit).index().lastHref(), href) < 0) {
            hit++;
        }
        long rewritten = blocks.get(hit).packages();
        for (int next = hit; blocks.get(next).kind() == MetadataBlock.Kind.FULL; next++) {
            rewritten += blocks.get(next + 1).packages();
        }
        assertThat(blocks).hasSizeGreaterThan(2);
        RepoCreateResult update = create(dir, dir, true);
        assertThat(update.read()).isEqualTo(1);
        assertThat(update.reused()).isEqualTo(PACKAGES);
        assertThat(events.infos).contains((PACKAGES - rewritten) + " packages came in published blocks, copied as they were");
        create(dir, tmp.resolve("fresh"), false);
        assertThat(checksums(dir)).isEqualTo(checksums(tmp.resolve("fresh")));
    }

    @Test
    void anUpdateOfChangesAllOverWritesWhatAFreshRunWrites() throws Exception {
        Path dir = tmp.resolve("repo");
        List<Path> files = repo(dir, PACKAGES);
        create(dir, dir, false);
        Files.delete(files.get(1200));
        Files.setLastModifiedTime(files.get(2100), FileTime.fromMillis(1_000_000_000_000L));
        copy(dir, "a0000", 5);
        copy(dir, "p01500x", 6);
        copy(dir, "z9999", 7);
        RepoCreateResult update = create(dir, dir, true);
        assertThat(update.packages()).isEqualTo(PACKAGES + 2);
        assertThat(update.read()).isEqualTo(4);
        assertThat(update.reused()).isEqualTo(PACKAGES - 2);
        create(dir, tmp.resolve("fresh"), false);
        assertThat(checksums(dir)).isEqualTo(checksums(tmp.resolve("fresh")));

        events.infos.clear();
        RepoCreateResult again = create(dir, dir, true);
        assertThat(again.read()).isZero();
        assertThat(events.infos).anySatisfy(i -> assertThat(i).startsWith("Nothing changed"));
        assertThat(checksums(dir)).isEqualTo(checksums(tmp.resolve("fresh")));
    }

    @Test
    void anUpdateAfterEveryFileWasTouchedReadsThemAllAndWritesWhatAFreshRunWrites() throws Exception {
        Path dir = tmp.resolve("repo");
        List<Path> files = repo(dir, 1500);
        create(dir, dir, false);
        for (Path f : files) {
            Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 5000));
        }
        RepoCreateResult update = create(dir, dir, true);
        assertThat(update.read()).isEqualTo(1500);
        assertThat(update.reused()).isZero();
        assertWhatAFreshRunWrites(dir, RepoOptions.defaults());
    }

    @Test
    void underAnotherBaseUrlNoBlockIsCopiedAndEveryPackageIsWrittenAgainUnread() throws Exception {
        Path dir = published(1500);
        RepoOptions based = RepoOptions.builder().update(true).baseUrl("http://mirror.example/xs/").build();
        RepoCreateResult update = new RepoCreator(events).create(RepoCreateRequest.builder(dir).options(based).build());
        assertThat(update.read()).isZero();
        assertThat(update.reused()).isEqualTo(1500);
        assertWhatAFreshRunWrites(dir, RepoOptions.builder().baseUrl("http://mirror.example/xs/").build());
    }

    @Test
    void aDamagedPublishedFileIsNotCopiedFrom() throws Exception {
        Path dir = published(1500);
        RepomdRecord filelists = Repomd.read(dir.resolve("repodata/repomd.xml")).record("filelists").orElseThrow();
        Path file = dir.resolve(filelists.href());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);
        RepoCreateResult update = create(dir, dir, true);
        assertThat(update.packages()).isEqualTo(1500);
        assertWhatAFreshRunWrites(dir, RepoOptions.defaults());
    }

    @Test
    void createrepoCUpdatesWhatXsbuildPublishedInBlocks() throws Exception {
        Path dir = published(1500);
        copy(dir, "n0001", 3);
        Createrepo.run(dir, dir, "--update");
        create(dir, tmp.resolve("ours"), false);
        List<Path> packages;
        try (Stream<Path> walk = Files.walk(dir)) {
            packages = walk.filter(p -> p.toString().endsWith(".rpm")).sorted().toList();
        }
        Repodata theirs = Repodata.read(dir, Set.of(), KnownDifferences.forCreaterepo(dir, packages));
        Repodata ours = Repodata.read(tmp.resolve("ours"));
        for (String type : List.of("primary", "filelists", "other")) {
            assertThat(theirs.of(type)).as(type).hasSize(1501).containsExactlyInAnyOrderElementsOf(ours.of(type));
        }
    }
}
