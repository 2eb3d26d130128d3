package io.xsbuild.snapshot;

import io.xsbuild.error.UsageException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.FileChecksums;
import io.xsbuild.iso.CorruptIsoException;
import io.xsbuild.iso.IsoException;
import io.xsbuild.iso.IsoTools;
import io.xsbuild.iso.UnsafeIsoEntryException;
import io.xsbuild.repo.BadPackagesException;
import io.xsbuild.repo.RepoOptions;
import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.repomd.RepomdRecord;
import io.xsbuild.testing.RecordingEvents;
import io.xsbuild.testing.Repodata;
import io.xsbuild.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Snapshots published from images made in the test: what they hold, say and keep. */
class SnapshotCreatorTest {

    @TempDir
    Path tmp;

    Path repo;

    @BeforeEach
    void paths() {
        TestData.createrepo();
        repo = tmp.resolve("repo");
    }

    private Path iso(String name, Path tree) throws Exception {
        return IsoTools.makeIso(tree, tmp.resolve(name));
    }

    private static SnapshotResult create(SnapshotRequest.Builder request) throws Exception {
        return create(request, RepoOptions.builder());
    }

    /** Publishes {@code request} with {@code options}, two packages read at once. */
    private static SnapshotResult create(SnapshotRequest.Builder request, RepoOptions.Builder options) throws Exception {
        return new SnapshotCreator(Events.NONE).create(request.options(options.workers(2).build()).build());
    }

    private static List<String> hrefs(Path snapshot) throws Exception {
        return Repodata.read(snapshot).of("primary").stream()
                .map(p -> p.replaceAll(".*<location href=\"([^\"]*)\">.*", "$1")).toList();
    }

    private List<String> entries() throws Exception {
        try (Stream<Path> files = Files.list(repo)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Object inode(Path file) throws Exception {
        return Files.getAttribute(file, "unix:ino");
    }

    @Test
    void aBinpkgAndASourceImageBecomeOneSnapshotWithTheirGroupsProductAndChecksums() throws Exception {
        Path binpkg = iso("binpkg.iso", SnapshotTrees.binpkg(tmp.resolve("binpkg"), 5));
        Path source = iso("source.iso", SnapshotTrees.source(tmp.resolve("source")));
        String knownSha = "ab".repeat(32);
        SnapshotResult result = create(SnapshotRequest.builder(repo).iso(binpkg)
                .iso(new SnapshotIso(source, "https://example.org/source.iso", knownSha)));

        String name = "release-nile-master-58";
        assertThat(result.directory()).isEqualTo(repo.resolve(name));
        assertThat(Files.readSymbolicLink(repo.resolve("current"))).isEqualTo(Path.of(name));
        assertThat(entries()).containsExactly(".repodata.lock", "current", name);
        assertThat(hrefs(result.current())).contains("Packages/fake_bash-1.1.1-1.x86_64.rpm",
                "SRPMS/empty-0-0.src.rpm", "SRPMS/deep-empty-0-0.src.rpm").allMatch(h -> h.matches("(Packages|SRPMS)/[^/]+"));
        assertThat(result.packages()).isEqualTo(11 + 1 + 5 + 2);
        assertThat(result.copied()).isEqualTo(result.packages());
        assertThat(result.linked()).isZero();

        SnapshotInfo info = result.info();
        assertThat(info.product()).isEqualTo(new ProductInfo("XenServer", "8.4.0", "XCP", "3.4.0", "release/nile/master/58"));
        assertThat(info.isos()).extracting(SnapshotInfo.Image::name).containsExactly("binpkg.iso", "source.iso");
        assertThat(info.isos().get(0).sha256()).isEqualTo(FileChecksums.of(binpkg, ChecksumType.SHA256));
        assertThat(info.isos().get(1).sha256()).isEqualTo(knownSha);
        assertThat(info.isos().get(1).source()).isEqualTo("https://example.org/source.iso");
        assertThat(info.isos()).extracting(SnapshotInfo.Image::kind).containsExactly(IsoContent.Kind.BINARY, IsoContent.Kind.SOURCE);
        assertThat(info.binaryPackages()).isEqualTo(17);
        assertThat(info.sourcePackages()).isEqualTo(2);
        assertThat(info.group()).startsWith("binpkg.iso:repodata/").endsWith("-comps.xml");
        String json = Files.readString(result.current().resolve("snapshot.json"));
        assertThat(json).contains("\"snapshot\": \"" + name + "\"", "\"productBrand\": \"XenServer\"",
                "\"buildNumber\": \"release/nile/master/58\"", "\"sha256\": \"" + knownSha + "\"", "\"kind\": \"SOURCE\"");

        Repomd repomd = Repomd.read(result.current().resolve("repodata/repomd.xml"));
        assertThat(repomd.records()).extracting(RepomdRecord::type)
                .containsExactly("primary", "filelists", "other", "group", "group_gz");
        assertThat(repomd.distros()).containsExactly(new Repomd.Distro("cpe:/o:xenserver:xenserver:8.4.0", "XenServer 8.4.0"));
        assertThat(result.current().resolve(repomd.record("group").orElseThrow().href()))
                .hasContent(SnapshotTrees.COMPS);
        assertThat(Files.getLastModifiedTime(result.current().resolve("Packages/fake_bash-1.1.1-1.x86_64.rpm")))
                .isEqualTo(Files.getLastModifiedTime(tmp.resolve("binpkg/Packages/fake_bash-1.1.1-1.x86_64.rpm")));
    }

    @Test
    void aNewNightlyHardLinksWhatDidNotChangeAndRepointsCurrent() throws Exception {
        Path v1 = SnapshotTrees.binpkg(tmp.resolve("v1"), 8);
        Path first = iso("v1.iso", v1);
        SnapshotResult one = create(SnapshotRequest.builder(repo).iso(first).snapshot("n1"));

        Path v2 = SnapshotTrees.copyTree(v1, tmp.resolve("v2"));
        Files.delete(v2.resolve("Packages/Archer-3.4.5-6.x86_64.rpm"));
        SnapshotTrees.copy(TestData.pkg("empty-0-0.src.rpm"), v2.resolve("SRPMS/empty-0-0.src.rpm"));
        Path changed = v2.resolve("Packages/super_kernel-6.0.1-2.x86_64.rpm");
        flipLastByteKeepingTime(changed);
        SnapshotResult two = create(SnapshotRequest.builder(repo).iso(iso("v2.iso", v2)).snapshot("n2"));

        assertThat(Files.readSymbolicLink(repo.resolve("current"))).isEqualTo(Path.of("n2"));
        assertThat(two.read()).isEqualTo(two.packages());
        assertThat(two.copied()).isEqualTo(2);
        assertThat(two.linked()).isEqualTo(two.packages() - 2);
        for (String href : hrefs(two.directory())) {
            Path now = two.directory().resolve(href);
            Path before = one.directory().resolve(href);
            boolean same = Files.exists(before) && !href.equals("Packages/super_kernel-6.0.1-2.x86_64.rpm");
            assertThat(inode(now).equals(Files.exists(before) ? inode(before) : null)).as(href + " shares its inode").isEqualTo(same);
        }
        assertThat(Repodata.read(two.directory()).of("primary")).anySatisfy(p -> assertThat(p)
                .contains("super_kernel").contains(FileChecksums.of(changed, ChecksumType.SHA256)));
        assertThat(one.directory().resolve("Packages/Archer-3.4.5-6.x86_64.rpm")).exists();
    }

    @Test
    void updateTrustsNameSizeAndTimeAndReusesMetadataUnread() throws Exception {
        Path tree = SnapshotTrees.binpkg(tmp.resolve("v1"), 4);
        SnapshotResult one = create(SnapshotRequest.builder(repo).iso(iso("v1.iso", tree)).snapshot("n1"));
        Path changed = tree.resolve("Packages/super_kernel-6.0.1-2.x86_64.rpm");
        flipLastByteKeepingTime(changed);
        SnapshotResult two = create(SnapshotRequest.builder(repo).iso(iso("v2.iso", tree)).snapshot("n2"),
                RepoOptions.builder().update(true));

        assertThat(two.reused()).isEqualTo(two.packages()).isEqualTo(one.packages());
        assertThat(two.read()).isZero();
        assertThat(two.bytesRead()).isZero();
        assertThat(two.linked()).isEqualTo(two.packages());
        assertThat(Repodata.read(two.directory()).packages()).isEqualTo(Repodata.read(one.directory()).packages());
        assertThat(inode(two.directory().resolve("Packages/super_kernel-6.0.1-2.x86_64.rpm")))
                .as("--update, like createrepo_c's, takes a file of the same name, size and time as unchanged")
                .isEqualTo(inode(one.directory().resolve("Packages/super_kernel-6.0.1-2.x86_64.rpm")));
    }

    @Test
    void publishingTheSameNameAgainReplacesItAndKeepPrunesTheOldest() throws Exception {
        Path image = iso("v1.iso", SnapshotTrees.binpkg(tmp.resolve("v1"), 3));
        SnapshotResult first = create(SnapshotRequest.builder(repo).iso(image).snapshot("n1"));
        Object inode = inode(first.directory().resolve("Packages/fake_bash-1.1.1-1.x86_64.rpm"));
        SnapshotResult again = create(SnapshotRequest.builder(repo).iso(image).snapshot("n1"));
        assertThat(again.copied()).isZero();
        assertThat(again.linked()).isEqualTo(again.packages());
        assertThat(inode(again.directory().resolve("Packages/fake_bash-1.1.1-1.x86_64.rpm"))).isEqualTo(inode);
        assertThat(entries()).containsExactly(".repodata.lock", "current", "n1");

        create(SnapshotRequest.builder(repo).iso(image).snapshot("n2"));
        SnapshotResult third = create(SnapshotRequest.builder(repo).iso(image).snapshot("n3").keep(2));
        assertThat(third.pruned()).containsExactly("n1");
        assertThat(entries()).containsExactly(".repodata.lock", "current", "n2", "n3");
        SnapshotResult fourth = create(SnapshotRequest.builder(repo).iso(image).snapshot("n4").keep(1));
        assertThat(fourth.pruned()).containsExactly("n3", "n2");
        assertThat(entries()).containsExactly(".repodata.lock", "current", "n4");
        assertThat(hrefs(repo.resolve("current"))).hasSize((int) fourth.packages());
    }

    @Test
    void keepRemovesOnlySnapshotsXsbuildPublished() throws Exception {
        Path image = iso("v1.iso", SnapshotTrees.binpkg(tmp.resolve("v1"), 2));
        create(SnapshotRequest.builder(repo).iso(image).snapshot("n1"));
        Path foreign = Files.createDirectories(repo.resolve("mine"));
        Files.writeString(foreign.resolve("snapshot.json"), "{}");
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        Path copied = Files.createDirectories(repo.resolve("copied"));
        Files.copy(repo.resolve("n1/snapshot.json"), copied.resolve("snapshot.json"));
        Files.setLastModifiedTime(foreign.resolve("snapshot.json"), java.nio.file.attribute.FileTime.fromMillis(0));
        Files.setLastModifiedTime(copied.resolve("snapshot.json"), java.nio.file.attribute.FileTime.fromMillis(0));
        create(SnapshotRequest.builder(repo).iso(image).snapshot("n2"));

        RecordingEvents events = new RecordingEvents();
        SnapshotResult third = new SnapshotCreator(events).create(SnapshotRequest.builder(repo).iso(image).snapshot("n3")
                .keep(1).options(RepoOptions.builder().workers(2).build()).build());

        assertThat(third.pruned()).containsExactly("n2", "n1");
        assertThat(entries()).containsExactly(".repodata.lock", "copied", "current", "mine", "n3");
        assertThat(foreign.resolve("notes.txt")).hasContent("mine");
        assertThat(events.warnings).contains(
                "left " + repo.resolve("copied") + " in place: its snapshot.json is not one xsbuild wrote for it, "
                        + "so keep neither counts nor removes it",
                "left " + repo.resolve("mine") + " in place: its snapshot.json is not one xsbuild wrote for it, "
                        + "so keep neither counts nor removes it");
        UsageException replacing = catchThrowableOfType(UsageException.class,
                () -> create(SnapshotRequest.builder(repo).iso(image).snapshot("mine")));
        assertThat(replacing).hasMessage(repo.resolve("mine") + " exists and is not a snapshot xsbuild published");
        assertThat(foreign.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void aBuildNumberThatNamesSomethingElseFailsTheRunNotTheCommandLine() throws Exception {
        Path image = iso("binpkg.iso", SnapshotTrees.binpkg(tmp.resolve("binpkg"), 1));
        Files.createDirectories(repo.resolve("release-nile-master-58"));
        Files.writeString(repo.resolve("release-nile-master-58/notes.txt"), "not a snapshot");

        XsbuildException derived = catchThrowableOfType(XsbuildException.class,
                () -> create(SnapshotRequest.builder(repo).iso(image)));

        assertThat(derived.kind()).isEqualTo(XsbuildException.Kind.FAILED);
        assertThat(derived.userMessage()).isEqualTo("The snapshot's name release-nile-master-58, from the build number "
                + "'release/nile/master/58' the images give, is taken: " + repo.resolve("release-nile-master-58")
                + " exists and is not a snapshot xsbuild published: name the snapshot with snapshot NAME");
        assertThat(derived.settings()).containsExactly(SnapshotRequest.Field.SNAPSHOT);
        XsbuildException asked = catchThrowableOfType(XsbuildException.class,
                () -> create(SnapshotRequest.builder(repo).iso(image).snapshot("release-nile-master-58")));
        assertThat(asked.kind()).isEqualTo(XsbuildException.Kind.USAGE);
        assertThat(repo.resolve("release-nile-master-58/notes.txt")).hasContent("not a snapshot");
    }

    @Test
    void anImageWhoseCompsIsNotXmlIsRefusedAndNothingIsPublished() throws Exception {
        Path tree = SnapshotTrees.binpkg(tmp.resolve("binpkg"), 1);
        SnapshotTrees.groups(tree, "<comps><group><id>base</id>");
        Path image = iso("binpkg.iso", tree);

        IsoMetadataException e = catchThrowableOfType(IsoMetadataException.class,
                () -> create(SnapshotRequest.builder(repo).iso(image)));

        assertThat(e.getMessage()).startsWith("ISO " + image + ": repodata/").contains("-comps.xml: the group record names a "
                + "file that is not comps XML: line 1: ");
        assertThat(entries()).doesNotContain("current");
    }

    @Test
    void aStagedSnapshotCurrentNamedWhenARunWasKilledGoesOnceCurrentNamesAnother() throws Exception {
        Path image = iso("v1.iso", SnapshotTrees.binpkg(tmp.resolve("v1"), 1));
        create(SnapshotRequest.builder(repo).iso(image).snapshot("a"));
        // As a run killed while replacing "a" leaves it: current names the new snapshot, still staged.
        Files.move(repo.resolve("a"), repo.resolve(".snapshot-a.tmp-killed"));
        Files.delete(repo.resolve("current"));
        Files.createSymbolicLink(repo.resolve("current"), Path.of(".snapshot-a.tmp-killed"));

        create(SnapshotRequest.builder(repo).iso(image).snapshot("b"));

        assertThat(entries()).containsExactly(".repodata.lock", "b", "current");
    }

    @Test
    void includeExcludeAndWhitelistChooseThePackages() throws Exception {
        Path image = iso("mixed.iso", SnapshotTrees.mixed(tmp.resolve("mixed"), 0));
        SnapshotResult globs = create(SnapshotRequest.builder(tmp.resolve("globs")).iso(image)
                .include("*.src.rpm").include("fake_*").exclude("deep-*"));
        assertThat(hrefs(globs.current())).containsExactly("SRPMS/empty-0-0.src.rpm", "Packages/fake_bash-1.1.1-1.x86_64.rpm");

        Path whitelist = Files.writeString(tmp.resolve("whitelist"), """
                # toolstack packages
                fake_bash
                empty   # the source package and the binary ones
                """, StandardCharsets.UTF_8);
        SnapshotResult listed = create(SnapshotRequest.builder(tmp.resolve("listed")).iso(image).whitelist(whitelist)
                .exclude("empty-signed-*"));
        assertThat(hrefs(listed.current())).containsExactly("SRPMS/deep-empty-0-0.src.rpm", "SRPMS/empty-0-0.src.rpm",
                "Packages/empty-0-0.x86_64.rpm", "Packages/fake_bash-1.1.1-1.x86_64.rpm");
        assertThat(listed.leftOut()).isEqualTo(7);
        try (Stream<Path> files = Files.list(listed.current().resolve("Packages"))) {
            assertThat(files).hasSize(2);
        }

        UsageException missing = catchThrowableOfType(UsageException.class, () -> create(SnapshotRequest
                .builder(tmp.resolve("none")).iso(image).whitelist(tmp.resolve("nowhere"))));
        assertThat(missing.getMessage()).isEqualTo("whitelist " + tmp.resolve("nowhere") + " does not exist");
        assertThat(catchThrowableOfType(UsageException.class, () -> create(SnapshotRequest.builder(tmp.resolve("none"))
                .iso(image).include("Packages/*"))).getMessage()).contains("include 'Packages/*' cannot match a file name");
        assertThat(tmp.resolve("none")).doesNotExist();
    }

    @Test
    void aBadPackageInAnImageIsNamedByImageAndPathAndNothingIsPublished() throws Exception {
        Path tree = SnapshotTrees.binpkg(tmp.resolve("bad"), 0);
        Files.writeString(tree.resolve("Packages/broken-1.0-1.x86_64.rpm"), "x".repeat(300));
        Path image = iso("binpkg.iso", tree);
        BadPackagesException e = catchThrowableOfType(BadPackagesException.class,
                () -> create(SnapshotRequest.builder(repo).iso(image)));
        assertThat(e.getMessage()).startsWith("1 bad package in binpkg.iso, snapshot release-nile-master-58 not published: "
                + "binpkg.iso:Packages/broken-1.0-1.x86_64.rpm: not an RPM package");
        assertThat(entries()).containsExactly(".repodata.lock");

        RecordingEvents events = new RecordingEvents();
        SnapshotResult skipping = new SnapshotCreator(events).create(SnapshotRequest.builder(repo).iso(image)
                .options(RepoOptions.builder().skipBad(true).build()).build());
        assertThat(skipping.skipped()).extracting(s -> s.file()).containsExactly("binpkg.iso:Packages/broken-1.0-1.x86_64.rpm");
        assertThat(skipping.directory().resolve("Packages/broken-1.0-1.x86_64.rpm")).doesNotExist();
        assertThat(hrefs(skipping.current())).doesNotContain("Packages/broken-1.0-1.x86_64.rpm");
        assertThat(events.warnings).anyMatch(w -> w.startsWith("skipped binpkg.iso:Packages/broken-1.0-1.x86_64.rpm"));
    }

    @Test
    void theLegacyLayoutOfXenServer70AndEarlierIsReadToo() throws Exception {
        Path tree = tmp.resolve("legacy");
        SnapshotTrees.write(tree.resolve("packages.main/XS-REPOSITORY"),
                "<repository originator=\"xs\" name=\"main\" product=\"XenServer\" version=\"7.0.0\" build=\"125380c\"/>");
        SnapshotTrees.write(tree.resolve("packages.main/XS-PACKAGES"), """
                <packages><package type="rpm" label="fake_bash" size="2237" md5="">fake_bash-1.1.1-1.x86_64.rpm</package></packages>
                """);
        SnapshotTrees.copy(TestData.pkg("fake_bash-1.1.1-1.x86_64.rpm"), tree.resolve("packages.main/fake_bash-1.1.1-1.x86_64.rpm"));
        SnapshotResult result = create(SnapshotRequest.builder(repo).iso(iso("legacy.iso", tree)));
        assertThat(result.directory().getFileName().toString()).isEqualTo("125380c");
        assertThat(result.info().product()).isEqualTo(new ProductInfo("XenServer", "7.0.0", null, null, "125380c"));
        assertThat(result.info().isos().get(0).legacyRepositories()).containsExactly("xs:main");
        assertThat(result.info().isos().get(0).treeInfo()).isFalse();
        assertThat(hrefs(result.current())).containsExactly("Packages/fake_bash-1.1.1-1.x86_64.rpm");
        assertThat(Repomd.read(result.current().resolve("repodata/repomd.xml")).distros())
                .containsExactly(new Repomd.Distro("cpe:/o:xenserver:xenserver:7.0.0", "XenServer 7.0.0"));
    }

    @Test
    void corruptAndHostileImagesAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path good = iso("good.iso", SnapshotTrees.binpkg(tmp.resolve("tree"), 0));
        byte[] bytes = Files.readAllBytes(good);
        int volume = ByteBuffer.wrap(bytes, 0x8050, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() * 2048;
        Path truncated = Files.write(tmp.resolve("truncated.iso"), Arrays.copyOf(bytes, volume / 2));
        Path hostile = Files.write(tmp.resolve("hostile.iso"), climbing(bytes, "fake_bash-1.1.1-1.x86_64.rpm"));
        for (Path image : List.of(truncated, hostile)) {
            IsoException e = catchThrowableOfType(IsoException.class, () -> create(SnapshotRequest.builder(repo).iso(good).iso(image)));
            assertThat(e.getMessage()).contains(image.toString()).doesNotContain("\n");
            assertThat(e).isInstanceOf(image == hostile ? UnsafeIsoEntryException.class : CorruptIsoException.class);
        }
        assertThat(repo).doesNotExist();
    }

    @Test
    void anEmptySelectionIsNotPublished() throws Exception {
        Path image = iso("binpkg.iso", SnapshotTrees.binpkg(tmp.resolve("tree"), 0));
        Exception e = catchThrowableOfType(io.xsbuild.error.FailedException.class,
                () -> create(SnapshotRequest.builder(repo).iso(image).include("nothing-*")));
        assertThat(e.getMessage()).startsWith("No package of binpkg.iso is left to publish");
        assertThat(entries()).containsExactly(".repodata.lock");
    }

    /** The image with the Rock Ridge name of {@code file} changed to climb: "../" and the rest of the name. */
    static byte[] climbing(byte[] image, String file) {
        byte[] name = file.getBytes(StandardCharsets.US_ASCII);
        byte[] nm = new byte[5 + name.length];
        nm[0] = 'N';
        nm[1] = 'M';
        nm[2] = (byte) nm.length;
        nm[3] = 1;
        System.arraycopy(name, 0, nm, 5, name.length);
        int at = indexOf(image, nm);
        assertThat(at).as("the Rock Ridge name of " + file).isNotNegative();
        byte[] patched = image.clone();
        patched[at + 5] = '.';
        patched[at + 6] = '.';
        patched[at + 7] = '/';
        return patched;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void flipLastByteKeepingTime(Path file) throws Exception {
        var time = Files.getLastModifiedTime(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 0x5a;
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, time);
    }
}
