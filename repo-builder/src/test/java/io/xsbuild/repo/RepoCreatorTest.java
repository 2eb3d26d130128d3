package io.xsbuild.repo;

import io.xsbuild.error.UsageException;
import io.xsbuild.event.Events;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Compression;
import io.xsbuild.io.FileChecksums;
import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.repomd.RepomdRecord;
import io.xsbuild.testing.Corpus;
import io.xsbuild.testing.RecordingEvents;
import io.xsbuild.testing.Repodata;
import io.xsbuild.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepoCreatorTest {

    @TempDir
    Path tmp;

    private final RecordingEvents events = new RecordingEvents();

    private RepoCreateResult create(RepoCreateRequest request) throws Exception {
        return new RepoCreator(events).create(request);
    }

    /** Every file of repodata/ by name, with its bytes as text (repomd.xml) or length. */
    private static Map<String, String> snapshot(Path repo) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(repo.resolve("repodata"))) {
            for (Path f : list.toList()) {
                files.put(f.getFileName().toString(), f.getFileName().toString().equals("repomd.xml")
                        ? Files.readString(f) : Long.toString(Files.size(f)));
            }
        }
        return files;
    }

    private static List<String> openChecksums(Path repo) throws Exception {
        return Repomd.read(repo.resolve("repodata/repomd.xml")).records().stream()
                .map(RepomdRecord::openChecksum).toList();
    }

    @Test
    void publishesEveryRpmUnderTheDirectoryWithHrefsRelativeToIt() throws Exception {
        TestData.copy(tmp.resolve("a"), "fake_bash-1.1.1-1.x86_64.rpm");
        TestData.copy(tmp.resolve("b/c"), "super_kernel-6.0.1-2.x86_64.rpm");
        Files.writeString(tmp.resolve("README.txt"), "not a package");
        RepoCreateResult result = create(RepoCreateRequest.defaults(tmp));
        assertThat(result.packages()).isEqualTo(2);
        assertThat(result.read()).isEqualTo(2);
        assertThat(result.bytesRead()).isEqualTo(2237 + 2845);
        assertThat(result.repodata()).isEqualTo(tmp.toAbsolutePath().resolve("repodata"));
        assertThat(Repodata.read(tmp).of("primary")).satisfiesExactly(
                fake -> assertThat(fake).contains("href=\"a/fake_bash-1.1.1-1.x86_64.rpm\""),
                kernel -> assertThat(kernel).contains("href=\"b/c/super_kernel-6.0.1-2.x86_64.rpm\""));
        assertThat(Files.getPosixFilePermissions(tmp.resolve("repodata")))
                .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(events.progress).last().satisfies(p -> assertThat(p.done()).isEqualTo(2).isEqualTo(p.total()));
    }

    @Test
    void aGroupFileThatIsNotCompsXmlIsRefusedBeforeAnythingIsPublished() throws Exception {
        TestData.copy(tmp.resolve("repo"), "fake_bash-1.1.1-1.x86_64.rpm");
        create(RepoCreateRequest.defaults(tmp.resolve("repo")));
        Map<String, String> published = snapshot(tmp.resolve("repo"));
        Map<String, String> bad = Map.of(
                "binary.xml", "\u0000\u0001PK not xml at all",
                "html.xml", "<?xml version=\"1.0\"?><html><body>comps</body></html>",
                "cut.xml", "<?xml version=\"1.0\"?><comps><group><id>base</id>",
                "empty.xml", "");
        for (Map.Entry<String, String> f : bad.entrySet()) {
            Path comps = Files.writeString(tmp.resolve(f.getKey()), f.getValue());
            assertThatThrownBy(() -> create(RepoCreateRequest.builder(tmp.resolve("repo")).groupFile(comps).build()))
                    .as(f.getKey()).isInstanceOf(UsageException.class)
                    .hasMessageStartingWith("groupFile " + comps + " is not comps XML: ")
                    .satisfies(e -> assertThat(((UsageException) e).settings()).containsExactly(RepoCreateRequest.Field.GROUP_FILE));
            assertThat(snapshot(tmp.resolve("repo"))).as(f.getKey()).isEqualTo(published);
        }
        assertThatThrownBy(() -> create(RepoCreateRequest.builder(tmp.resolve("repo"))
                .groupFile(Files.writeString(tmp.resolve("html.xml"), "<html/>")).build()))
                .hasMessage("groupFile " + tmp.resolve("html.xml") + " is not comps XML: its root element is <html>, "
                        + "not <comps>");
        Path doctype = Files.writeString(tmp.resolve("doctype.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE comps PUBLIC \"-//Red Hat, Inc.//DTD Comps info//EN\" \"comps.dtd\">\n"
                + "<comps><group><id>base</id><name>Base</name></group></comps>\n");
        create(RepoCreateRequest.builder(tmp.resolve("repo")).groupFile(doctype).build());
        assertThat(Repomd.read(tmp.resolve("repo/repodata/repomd.xml")).records()).extracting(RepomdRecord::type)
                .contains("group", "group_gz");
    }

    @Test
    void anEmptyDirectoryGetsEmptyRepodata() throws Exception {
        RepoCreateResult result = create(RepoCreateRequest.defaults(tmp));
        assertThat(result.packages()).isZero();
        assertThat(Repodata.read(tmp).roots()).containsEntry("primary", "metadata packages=0");
    }

    @Test
    void metadataCanGoElsewhereThanThePackages() throws Exception {
        TestData.copy(tmp.resolve("pkgs"), "fake_bash-1.1.1-1.x86_64.rpm");
        create(RepoCreateRequest.builder(tmp.resolve("pkgs")).outDir(tmp.resolve("out")).build());
        assertThat(tmp.resolve("pkgs/repodata")).doesNotExist();
        assertThat(Repodata.read(tmp.resolve("out")).of("primary").get(0))
                .contains("href=\"fake_bash-1.1.1-1.x86_64.rpm\"");
    }

    @Test
    void updateReusesUnchangedPackagesReadsTheRestAndEqualsAFreshRun() throws Exception {
        Path dir = tmp.resolve("repo");
        List<Path> files = Corpus.generate(dir, Corpus.Spec.small(40, 3));
        create(RepoCreateRequest.defaults(dir));
        Files.delete(files.get(5));
        Files.delete(files.get(17));
        Files.setLastModifiedTime(files.get(8), FileTime.fromMillis(1_000_000_000_000L));
        Corpus.generate(dir.resolve("new"), Corpus.Spec.small(3, 99));
        RepoCreateResult update = create(RepoCreateRequest.builder(dir)
                .options(RepoOptions.builder().update(true).build()).build());
        assertThat(update.packages()).isEqualTo(41);
        assertThat(update.reused()).isEqualTo(37);
        assertThat(update.read()).isEqualTo(4);
        create(RepoCreateRequest.builder(dir).outDir(tmp.resolve("fresh")).build());
        assertThat(openChecksums(dir)).isEqualTo(openChecksums(tmp.resolve("fresh")));
    }

    /** Every file of repodata/ by name: its inode, modification time and checksum. */
    private static Map<String, List<Object>> files(Path repo) throws Exception {
        Map<String, List<Object>> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(repo.resolve("repodata"))) {
            for (Path f : list.toList()) {
                files.put(f.getFileName().toString(), List.of(Files.getAttribute(f, "unix:ino"),
                        Files.getLastModifiedTime(f), FileChecksums.of(f, ChecksumType.SHA256)));
            }
        }
        return files;
    }

    private static List<String> checksums(Path repo) throws Exception {
        return Repomd.read(repo.resolve("repodata/repomd.xml")).records().stream().map(RepomdRecord::checksum).toList();
    }

    @Test
    void updateWithNothingChangedRewritesNothing() throws Exception {
        Path dir = tmp.resolve("repo");
        Corpus.generate(dir, Corpus.Spec.small(30, 5));
        Path comps = Files.writeString(tmp.resolve("comps.xml"), "<comps><group><id>g</id></group></comps>\n");
        create(RepoCreateRequest.builder(dir).groupFile(comps).build());
        Map<String, List<Object>> before = files(dir);
        Thread.sleep(1100);
        RepoCreateResult update = create(RepoCreateRequest.builder(dir).groupFile(comps)
                .options(RepoOptions.builder().update(true).build()).build());
        assertThat(update.packages()).isEqualTo(30).isEqualTo(update.reused());
        assertThat(update.read()).isZero();
        assertThat(files(dir)).isEqualTo(before);
        assertThat(events.infos).anySatisfy(i -> assertThat(i).startsWith("Nothing changed"));
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".repodata.tmp"));
        }

        create(RepoCreateRequest.builder(dir).options(RepoOptions.builder().update(true).build()).build());
        assertThat(Repomd.read(dir.resolve("repodata/repomd.xml")).records()).extracting(RepomdRecord::type)
                .as("without the group file, its records go").containsExactly("primary", "filelists", "other");
    }

    @Test
    void updateReusingPublishedEntriesWritesWhatAFreshRunWrites() throws Exception {
        Path dir = tmp.resolve("repo");
        List<Path> files = Corpus.generate(dir, Corpus.Spec.small(40, 6));
        create(RepoCreateRequest.defaults(dir));
        Files.setLastModifiedTime(files.get(3), FileTime.fromMillis(1_000_000_000_000L));
        RepoCreateResult touched = create(RepoCreateRequest.builder(dir)
                .options(RepoOptions.builder().update(true).build()).build());
        assertThat(touched.reused()).isEqualTo(39);
        create(RepoCreateRequest.builder(dir).outDir(tmp.resolve("fresh")).build());
        assertThat(checksums(dir)).isEqualTo(checksums(tmp.resolve("fresh")));

        RepoCreateResult based = create(RepoCreateRequest.builder(dir)
                .options(RepoOptions.builder().update(true).baseUrl("http://mirror/xs/").build()).build());
        assertThat(based.reused()).isEqualTo(40);
        create(RepoCreateRequest.builder(dir).outDir(tmp.resolve("fresh-based"))
                .options(RepoOptions.builder().baseUrl("http://mirror/xs/").build()).build());
        assertThat(checksums(dir)).isEqualTo(checksums(tmp.resolve("fresh-based")));
    }

    @Test
    void updateReadsAgainWhatTheChecksumTypeOrChangelogLimitNoLongerFits() throws Exception {
        Path dir = tmp.resolve("repo");
        Corpus.generate(dir, Corpus.Spec.small(30, 4));
        create(RepoCreateRequest.defaults(dir));
        RepoCreateResult sha512 = create(RepoCreateRequest.builder(dir)
                .options(RepoOptions.builder().update(true)
                        .checksumType(ChecksumType.SHA512).compression(Compression.ZSTD).build()).build());
        assertThat(sha512.reused()).isZero();
        RepoCreateResult shorter = create(RepoCreateRequest.builder(dir)
                .options(RepoOptions.builder().update(true)
                        .checksumType(ChecksumType.SHA512).compression(Compression.ZSTD).changelogLimit(2).build()).build());
        assertThat(shorter.reused()).isPositive().isLessThan(30);
        create(RepoCreateRequest.builder(dir).outDir(tmp.resolve("fresh"))
                .options(RepoOptions.builder()
                        .checksumType(ChecksumType.SHA512).compression(Compression.GZ).changelogLimit(2).build()).build());
        assertThat(openChecksums(dir)).isEqualTo(openChecksums(tmp.resolve("fresh")));
    }

    @Test
    void updateReusesNoMetadataFileOfAChecksumTypeItDoesNotWrite() throws Exception {
        TestData.copyAll(tmp);
        create(RepoCreateRequest.defaults(tmp));
        Path repomd = tmp.resolve("repodata/repomd.xml");
        String md5Other = Files.readString(repomd)
                .replaceFirst("(?s)(<data type=\"other\">\\s*<checksum type=\")sha256", "$1md5");
        Files.writeString(repomd, md5Other);
        assertThat(Repomd.read(repomd).record("other").orElseThrow().checksumType()).isEqualTo("md5");
        RepoCreateResult update = create(RepoCreateRequest.builder(tmp)
                .options(RepoOptions.builder().update(true).build()).build());
        assertThat(update.reused()).isZero();
        assertThat(update.read()).isEqualTo(12);
        assertThat(events.warnings).anySatisfy(w -> assertThat(w).startsWith("Cannot reuse").contains("no other metadata"));
        assertThat(Files.readString(repomd)).doesNotContain("md5");
    }

    @Test
    void updateWithUnreadablePublishedMetadataReadsEveryPackage() throws Exception {
        TestData.copyAll(tmp);
        create(RepoCreateRequest.defaults(tmp));
        RepomdRecord other = Repomd.read(tmp.resolve("repodata/repomd.xml")).record("other").orElseThrow();
        Files.write(tmp.resolve(other.href()), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2});
        RepoCreateResult update = create(RepoCreateRequest.builder(tmp)
                .options(RepoOptions.builder().update(true).build()).build());
        assertThat(update.reused()).isZero();
        assertThat(update.read()).isEqualTo(12);
        assertThat(events.warnings).anySatisfy(w -> assertThat(w).startsWith("Cannot reuse"));
    }

    @Test
    void badPackagesStopTheRunEachNamedAndThePublishedRepodataStaysAsItWas() throws Exception {
        TestData.copy(tmp, "fake_bash-1.1.1-1.x86_64.rpm", "super_kernel-6.0.1-2.x86_64.rpm");
        create(RepoCreateRequest.defaults(tmp));
        Map<String, String> before = snapshot(tmp);
        Files.write(tmp.resolve("empty.rpm"), new byte[0]);
        Files.writeString(tmp.resolve("notes.rpm"), "These are notes, not a package. ".repeat(10));
        byte[] kernel = Files.readAllBytes(tmp.resolve("super_kernel-6.0.1-2.x86_64.rpm"));
        Files.write(tmp.resolve("cut.rpm"), java.util.Arrays.copyOf(kernel, 700));
        assertThatThrownBy(() -> create(RepoCreateRequest.defaults(tmp)))
                .isInstanceOf(BadPackagesException.class)
                .hasMessageStartingWith("3 bad packages in " + tmp + ", published repodata left as it was: ")
                .hasMessageContaining("cut.rpm: truncated")
                .hasMessageContaining("empty.rpm: empty file, not an RPM package")
                .hasMessageContaining("notes.rpm: not an RPM package: starts with 54 68 65 73")
                .satisfies(e -> assertThat(((BadPackagesException) e).hint()).contains("pass skipBad to publish"))
                .satisfies(e -> assertThat(((BadPackagesException) e).settings()).containsExactly(RepoOptions.Field.SKIP_BAD));
        assertThat(snapshot(tmp)).isEqualTo(before);
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".repodata.tmp-"));
        }
    }

    @Test
    void skipBadPublishesWithoutThemAndWarnsOfEach() throws Exception {
        TestData.copy(tmp, "fake_bash-1.1.1-1.x86_64.rpm", "super_kernel-6.0.1-2.x86_64.rpm");
        Files.write(tmp.resolve("aaa-empty.rpm"), new byte[0]);
        Files.write(tmp.resolve("zzz-random.rpm"), new java.util.Random(1).ints(3000, 0, 256)
                .collect(java.io.ByteArrayOutputStream::new, java.io.ByteArrayOutputStream::write,
                        (a, b) -> a.writeBytes(b.toByteArray())).toByteArray());
        RepoCreateResult result = create(RepoCreateRequest.builder(tmp)
                .options(RepoOptions.builder().skipBad(true).build()).build());
        assertThat(result.packages()).isEqualTo(2);
        assertThat(result.skipped()).extracting(RepoCreateResult.SkippedPackage::file)
                .containsExactly("aaa-empty.rpm", "zzz-random.rpm");
        assertThat(events.warnings).hasSize(2).allSatisfy(w -> assertThat(w).startsWith("skipped "));
        Repodata published = Repodata.read(tmp);
        assertThat(published.roots().values()).allSatisfy(root -> assertThat(root).endsWith("packages=2"));
        assertThat(published.of("primary")).hasSize(2);
    }

    @Test
    void theCountASkippedPackageCorrectsIsRewrittenInEveryCompressionWithChecksumsOfWhatIsThere() throws Exception {
        for (Compression c : Compression.values()) {
            Path dir = tmp.resolve(c.toString());
            TestData.copy(dir, "fake_bash-1.1.1-1.x86_64.rpm", "super_kernel-6.0.1-2.x86_64.rpm");
            Files.write(dir.resolve("aaa-empty.rpm"), new byte[0]);
            create(RepoCreateRequest.builder(dir).options(RepoOptions.builder().skipBad(true).compression(c).build()).build());
            assertThat(Repodata.read(dir).roots().values()).as(c.toString())
                    .allSatisfy(root -> assertThat(root).endsWith("packages=2"));
            for (RepomdRecord r : Repomd.read(dir.resolve("repodata/repomd.xml")).records()) {
                byte[] open;
                try (java.io.InputStream in = c.decompress(Files.newInputStream(dir.resolve(r.href())))) {
                    open = in.readAllBytes();
                }
                assertThat(r.describes(dir)).as(r.href()).isTrue();
                assertThat(ChecksumType.SHA256.hex(open)).as(r.href()).isEqualTo(r.openChecksum());
                assertThat((long) open.length).as(r.href()).isEqualTo(r.openSize());
            }
        }
    }

    @Test
    void aSecondRunOnTheSameDirectoryFailsAtOnceOrWaitsWhenAsked() throws Exception {
        TestData.copy(tmp, "fake_bash-1.1.1-1.x86_64.rpm");
        try (RepoLock held = RepoLock.acquire(tmp.toAbsolutePath(), false, Events.NONE)) {
            assertThatThrownBy(() -> create(RepoCreateRequest.defaults(tmp)))
                    .isInstanceOf(RepoLockedException.class)
                    .hasMessage("another run is publishing " + tmp.toAbsolutePath().resolve("repodata")
                            + " (it holds " + tmp.toAbsolutePath().resolve(".repodata.lock") + ")");
        }
        RepoLock held = RepoLock.acquire(tmp.toAbsolutePath(), false, Events.NONE);
        Thread release = new Thread(() -> {
            try {
                Thread.sleep(600);
                held.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        release.start();
        long started = System.nanoTime();
        RepoCreateResult waited = create(RepoCreateRequest.builder(tmp)
                .options(RepoOptions.builder().waitForLock(true).build()).build());
        assertThat(waited.packages()).isEqualTo(1);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(500);
        assertThat(events.infos).anySatisfy(i -> assertThat(i).startsWith("Waiting for the run that holds"));
        release.join();
    }

    @Test
    void retainOldMetadataKeepsThatManySupersededSets() throws Exception {
        TestData.copy(tmp, "fake_bash-1.1.1-1.x86_64.rpm");
        create(RepoCreateRequest.defaults(tmp));
        TestData.copy(tmp, "super_kernel-6.0.1-2.x86_64.rpm");
        create(RepoCreateRequest.builder(tmp).retainOldMetadata(1).build());
        TestData.copy(tmp, "Rimmer-1.0.2-2.x86_64.rpm");
        create(RepoCreateRequest.builder(tmp).retainOldMetadata(1).build());
        assertThat(snapshot(tmp)).hasSize(1 + 3 + 3);
        TestData.copy(tmp, "Archer-3.4.5-6.x86_64.rpm");
        create(RepoCreateRequest.defaults(tmp));
        assertThat(snapshot(tmp)).hasSize(1 + 3);
        Repodata published = Repodata.read(tmp);
        assertThat(published.of("primary")).hasSize(4);
    }

    @Test
    void whatAKilledRunLeftBehindIsRemoved() throws Exception {
        TestData.copy(tmp, "fake_bash-1.1.1-1.x86_64.rpm");
        Path leftover = Files.createDirectories(tmp.resolve(".repodata.tmp-abc123"));
        Files.writeString(leftover.resolve(".primary.xml.gz.partial"), "half");
        create(RepoCreateRequest.defaults(tmp));
        assertThat(leftover).doesNotExist();
    }

    @Test
    void requestsThatCannotBeCarriedOutAreUsageErrors() {
        assertThatThrownBy(() -> create(RepoCreateRequest.defaults(tmp.resolve("missing"))))
                .isInstanceOf(UsageException.class).hasMessageContaining("missing is not a directory");
        assertThatThrownBy(() -> create(RepoCreateRequest.builder(tmp)
                .options(RepoOptions.builder().workers(0).build()).build()))
                .isInstanceOf(UsageException.class).hasMessage("workers 0 is not a number of workers");
        assertThatThrownBy(() -> create(RepoCreateRequest.builder(tmp)
                .options(RepoOptions.builder().changelogLimit(-2).build()).build()))
                .isInstanceOf(UsageException.class).hasMessage("changelogLimit -2 is not a limit");
    }
}
