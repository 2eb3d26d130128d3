package io.xsbuild.repo.repomd;

import io.xsbuild.io.ChecksumType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RepomdTest {

    private static final RepomdRecord PRIMARY = new RepomdRecord("primary", ChecksumType.SHA256, "aa", "bb",
            "repodata/aa-primary.xml.gz", 1700000000, 2643, 16112);

    @Test
    void isWrittenAsCreaterepoWritesIt() {
        assertThat(new Repomd(1795343746, List.of(PRIMARY)).toXml()).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <repomd xmlns="http://linux.duke.edu/metadata/repo" xmlns:rpm="http://linux.duke.edu/metadata/rpm">
                  <revision>1795343746</revision>
                  <data type="primary">
                    <checksum type="sha256">aa</checksum>
                    <open-checksum type="sha256">bb</open-checksum>
                    <location href="repodata/aa-primary.xml.gz"/>
                    <timestamp>1700000000</timestamp>
                    <size>2643</size>
                    <open-size>16112</open-size>
                  </data>
                </repomd>
                """);
    }

    @Test
    void distroTagsAndUncompressedRecordsAreWrittenAsCreaterepoWritesThem() {
        RepomdRecord group = new RepomdRecord("group", ChecksumType.SHA256, "cc", null, "repodata/cc-comps.xml", 5, 242, 0);
        assertThat(new Repomd(7, List.of(new Repomd.Distro("cpe:/o:xenserver:xenserver:8.4.0", "XenServer 8.4.0"),
                new Repomd.Distro(null, "A & B")), List.of(group)).toXml()).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <repomd xmlns="http://linux.duke.edu/metadata/repo" xmlns:rpm="http://linux.duke.edu/metadata/rpm">
                  <revision>7</revision>
                  <tags>
                    <distro cpeid="cpe:/o:xenserver:xenserver:8.4.0">XenServer 8.4.0</distro>
                    <distro>A &amp; B</distro>
                  </tags>
                  <data type="group">
                    <checksum type="sha256">cc</checksum>
                    <location href="repodata/cc-comps.xml"/>
                    <timestamp>5</timestamp>
                    <size>242</size>
                  </data>
                </repomd>
                """);
    }

    @Test
    void readsBackWhatItWrote(@TempDir Path dir) throws Exception {
        RepomdRecord other = new RepomdRecord("other", ChecksumType.SHA512, "cc", "dd", "repodata/cc-other.xml.zst",
                1, 2, 3);
        RepomdRecord group = new RepomdRecord("group", ChecksumType.SHA256, "ee", null, "repodata/ee-comps.xml", 4, 5, 0);
        Repomd written = new Repomd(42, List.of(new Repomd.Distro("cpe:/o:x:y:1", "X <1>")), List.of(PRIMARY, other, group));
        Files.writeString(dir.resolve("repomd.xml"), written.toXml());
        assertThat(Repomd.read(dir.resolve("repomd.xml"))).isEqualTo(written)
                .isEqualTo(Repomd.parse("repomd.xml", written.toXml().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void keepsChecksumTypesItDoesNotWriteByNameAndLeavesThemOutOfWhatItCompares() throws Exception {
        String xml = """
                <repomd xmlns="http://linux.duke.edu/metadata/repo">
                  <data type="primary"><checksum type="SHA256">aa</checksum><location href="repodata/a.xml.gz"/></data>
                  <data type="other"><checksum type="md5">bb</checksum><open-checksum type="sha">cc</open-checksum>
                    <location href="repodata/b.xml.gz"/></data>
                  <data type="group_gz"><checksum type="sha384">dd</checksum><location href="repodata/c.xml.gz"/></data>
                </repomd>
                """;
        Repomd repomd = Repomd.parse("iso:repodata/repomd.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(repomd.records()).extracting(RepomdRecord::checksumType).containsExactly("SHA256", "md5", "sha384");
        assertThat(repomd.record("other").orElseThrow().openChecksumType()).isEqualTo("sha");
        assertThat(repomd.record("primary").orElseThrow().knownChecksumType()).contains(ChecksumType.SHA256);
        assertThat(repomd.withKnownChecksums().records()).extracting(RepomdRecord::type).containsExactly("primary");
    }

    @Test
    void refusesWhatIsNotWellFormedAndRecordsWithoutTypeLocationOrChecksum() {
        for (String broken : List.of("<repomd><data", "<repomd><data type=\"a\"></repomd>", "<repomd/><repomd/>",
                "<!DOCTYPE r><repomd/>")) {
            RepomdException e = catchThrowableOfType(RepomdException.class,
                    () -> Repomd.parse("binpkg.iso:repodata/repomd.xml", broken.getBytes(StandardCharsets.UTF_8)));
            assertThat(e).as(broken).isNotNull();
            assertThat(e.problem()).as(broken).startsWith("not well-formed XML: ");
            assertThat(e.getMessage()).startsWith("binpkg.iso:repodata/repomd.xml is not metadata xsbuild can read: ");
        }
        RepomdException incomplete = catchThrowableOfType(RepomdException.class, () -> Repomd.parse("r",
                "<repomd><data type=\"group\"><location href=\"a\"/></data></repomd>".getBytes(StandardCharsets.UTF_8)));
        assertThat(incomplete.problem()).isEqualTo("a <data> record without type, location, or checksum");
    }

    @Test
    void readsCreaterepoRepomdsWithMoreRecordsThanXsbuildWrites() throws Exception {
        Path repo04 = io.xsbuild.testing.TestData.createrepo().resolve("repo_04/repodata/repomd.xml");
        Repomd repomd = Repomd.read(repo04);
        assertThat(repomd.revision()).isEqualTo(1648713099);
        assertThat(repomd.records()).extracting(RepomdRecord::type)
                .containsExactly("primary", "filelists", "other", "filelists-ext");
        assertThat(repomd.record("other").orElseThrow().openSize()).isEqualTo(815);
    }
}
