package io.xsbuild.repo;

import io.xsbuild.error.UsageException;
import io.xsbuild.event.Events;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Compression;
import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.repomd.RepomdRecord;
import io.xsbuild.testing.Corpus;
import io.xsbuild.testing.Createrepo;
import io.xsbuild.testing.KnownDifferences;
import io.xsbuild.testing.Repodata;
import io.xsbuild.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * xsbuild and the host's createrepo_c run over the same package files; every package must be
 * described the same way in primary, filelists and other, in the same order.
 */
class CreaterepoDifferentialTest {

    @TempDir
    static Path corpusDir;
    private static List<Path> corpus;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generateCorpus() throws Exception {
        corpus = Corpus.generate(corpusDir, Corpus.Spec.small(150, 7));
    }

    private static RepoCreateResult xsbuild(RepoCreateRequest request) throws Exception {
        return new RepoCreator(Events.NONE).create(request);
    }

    private static void assertSameMetadata(Path ours, Path theirs, Path packagesDir, List<Path> packages,
                                           String... ignored) throws Exception {
        Consumer<Element> adjust = KnownDifferences.forCreaterepo(packagesDir, packages);
        Repodata expected = Repodata.read(theirs, Set.of(ignored), adjust);
        Repodata actual = Repodata.read(ours, Set.of(ignored), e -> { });
        assertThat(actual.repomd().records()).extracting(r -> r.type())
                .containsExactly("primary", "filelists", "other");
        assertThat(actual.roots()).isEqualTo(expected.roots());
        for (String type : List.of("primary", "filelists", "other")) {
            List<String> a = actual.of(type);
            List<String> e = expected.of(type);
            assertThat(a).as(type + " package count").hasSameSizeAs(e);
            for (int i = 0; i < a.size(); i++) {
                assertThat(a.get(i)).as(type + " package " + i).isEqualTo(e.get(i));
            }
        }
    }

    private static List<Path> rpms(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".rpm")).sorted(Comparator.naturalOrder()).toList();
        }
    }

    @Test
    void everyCreaterepoTestPackageIsDescribedTheSame() throws Exception {
        Path packages = tmp.resolve("packages");
        TestData.copyAll(packages);
        Createrepo.run(packages, tmp.resolve("theirs"));
        xsbuild(RepoCreateRequest.builder(packages).outDir(tmp.resolve("ours")).build());
        assertSameMetadata(tmp.resolve("ours"), tmp.resolve("theirs"), packages, rpms(packages));
    }

    @Test
    void aGeneratedCorpusIsDescribedTheSame() throws Exception {
        Createrepo.run(corpusDir, tmp.resolve("theirs"));
        xsbuild(RepoCreateRequest.builder(corpusDir).outDir(tmp.resolve("ours"))
                .options(RepoOptions.builder().workers(3).build()).build());
        assertSameMetadata(tmp.resolve("ours"), tmp.resolve("theirs"), corpusDir, corpus);
    }

    @Test
    void baseUrlChecksumAndChangelogLimitAreAppliedAsCreaterepoAppliesThem() throws Exception {
        Createrepo.run(corpusDir, tmp.resolve("theirs"), "--baseurl", "http://mirror.example/xs/8.2/",
                "--checksum", "sha512", "--changelog-limit", "3");
        xsbuild(RepoCreateRequest.builder(corpusDir).outDir(tmp.resolve("ours"))
                .options(RepoOptions.builder().baseUrl("http://mirror.example/xs/8.2/")
                        .checksumType(ChecksumType.SHA512).compression(Compression.GZ).changelogLimit(3).build()).build());
        assertSameMetadata(tmp.resolve("ours"), tmp.resolve("theirs"), corpusDir, corpus);
        Createrepo.run(corpusDir, tmp.resolve("theirs-sha1"), "--checksum", "sha1", "--changelog-limit", "0");
        xsbuild(RepoCreateRequest.builder(corpusDir).outDir(tmp.resolve("ours-sha1"))
                .options(RepoOptions.builder()
                        .checksumType(ChecksumType.SHA1).compression(Compression.GZ).changelogLimit(0).build()).build());
        assertSameMetadata(tmp.resolve("ours-sha1"), tmp.resolve("theirs-sha1"), corpusDir, corpus);
    }

    @Test
    void aGroupFileIsPublishedAsCreaterepoPublishesIt() throws Exception {
        Path comps = Files.writeString(tmp.resolve("comps.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <comps><group><id>demo</id><name>Demo</name><packagelist>\
                <packagereq type="mandatory">fake_bash</packagereq></packagelist></group></comps>
                """);
        Createrepo.run(corpusDir, tmp.resolve("theirs"), "--groupfile", comps.toString());
        xsbuild(RepoCreateRequest.builder(corpusDir).outDir(tmp.resolve("ours")).groupFile(comps).build());
        Repomd theirs = Repomd.read(tmp.resolve("theirs/repodata/repomd.xml"));
        Repomd ours = Repomd.read(tmp.resolve("ours/repodata/repomd.xml"));
        assertThat(ours.records()).extracting(RepomdRecord::type)
                .containsExactlyElementsOf(theirs.records().stream().map(RepomdRecord::type).toList());
        assertThat(ours.record("group").orElseThrow().checksum())
                .isEqualTo(theirs.record("group").orElseThrow().checksum());
        assertThat(ours.record("group_gz").orElseThrow().openChecksum())
                .isEqualTo(theirs.record("group_gz").orElseThrow().openChecksum());
        assertThat(Repodata.read(tmp.resolve("ours")).packages()).isEqualTo(
                Repodata.read(tmp.resolve("theirs"), Set.of(), KnownDifferences.forCreaterepo(corpusDir, corpus)).packages());
    }

    @Test
    void aMissingGroupFileIsAUsageError() {
        assertThatThrownBy(() -> xsbuild(RepoCreateRequest.builder(corpusDir).outDir(tmp.resolve("ours"))
                .groupFile(tmp.resolve("nope.xml")).build()))
                .isInstanceOf(UsageException.class).hasMessageContaining("nope.xml");
        assertThat(tmp.resolve("ours/repodata")).doesNotExist();
    }

    @Test
    void xzAndZstdHoldTheSameMetadataAsGzip() throws Exception {
        xsbuild(RepoCreateRequest.builder(corpusDir).outDir(tmp.resolve("gz")).build());
        for (Compression c : List.of(Compression.XZ, Compression.ZSTD)) {
            Path out = tmp.resolve(c.toString());
            xsbuild(RepoCreateRequest.builder(corpusDir).outDir(out)
                    .options(RepoOptions.builder().checksumType(ChecksumType.SHA256).compression(c).build())
                    .build());
            assertThat(Repodata.read(out).packages()).isEqualTo(Repodata.read(tmp.resolve("gz")).packages());
            assertThat(Repodata.read(out).repomd().records()).allSatisfy(r -> assertThat(r.href()).endsWith(c.suffix()));
        }
    }

    @Test
    void matchesTheExpectedRepo04ButForFileTimes() throws Exception {
        Path packages = tmp.resolve("packages");
        TestData.copy(packages, "fake_bash-1.1.1-1.x86_64.rpm", "super_kernel-6.0.1-2.x86_64.rpm");
        xsbuild(RepoCreateRequest.defaults(packages));
        Repodata expected = Repodata.read(TestData.createrepo().resolve("repo_04"), Set.of("time@file"), e -> { });
        Repodata actual = Repodata.read(packages, Set.of("time@file"), e -> { });
        assertThat(actual.packages()).isEqualTo(expected.packages());
        assertThat(actual.roots()).isEqualTo(expected.roots());
    }

    /** repo_02 was written by an older createrepo_c, which listed obsoletes in another order. */
    @Test
    void matchesTheOlderExpectedRepo02ButForFileTimesAndTheOrderOfEntries() throws Exception {
        Path packages = tmp.resolve("packages");
        TestData.copy(packages, "fake_bash-1.1.1-1.x86_64.rpm", "super_kernel-6.0.1-2.x86_64.rpm");
        xsbuild(RepoCreateRequest.defaults(packages));
        Consumer<Element> sortEntries = CreaterepoDifferentialTest::sortDependencyEntries;
        Repodata expected = Repodata.read(TestData.createrepo().resolve("repo_02"), Set.of("time@file"), sortEntries);
        Repodata actual = Repodata.read(packages, Set.of("time@file"), sortEntries);
        assertThat(actual.packages()).isEqualTo(expected.packages());
        assertThat(actual.roots()).isEqualTo(expected.roots());
    }

    private static void sortDependencyEntries(Element pkg) {
        var lists = pkg.getElementsByTagNameNS("http://linux.duke.edu/metadata/rpm", "*");
        for (int i = 0; i < lists.getLength(); i++) {
            Element list = (Element) lists.item(i);
            List<Element> entries = new ArrayList<>();
            for (Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && "entry".equals(e.getLocalName())) {
                    entries.add(e);
                }
            }
            entries.sort(Comparator.comparing(e -> Repodata.canonical(e, Set.of())));
            entries.forEach(list::appendChild);
        }
    }
}
