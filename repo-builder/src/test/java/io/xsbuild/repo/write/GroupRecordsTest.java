package io.xsbuild.repo.write;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Compression;
import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.repomd.RepomdRecord;
import io.xsbuild.testing.Createrepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The comps file published as createrepo_c --groupfile publishes it. */
class GroupRecordsTest {

    static final byte[] COMPS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <comps><group><id>xenserver_base</id><name>Base</name><packagelist>\
            <packagereq type="mandatory">fake_bash</packagereq></packagelist></group></comps>
            """.getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    /** The element names of each {@code <data>} element, in order: "group: checksum location timestamp size". */
    private static List<String> shapes(String repomdXml) {
        Matcher data = Pattern.compile("(?s)<data type=\"([^\"]+)\">(.*?)</data>").matcher(repomdXml);
        return data.results().map(m -> m.group(1) + ":" + Pattern.compile("<([a-z-]+)[ >/]").matcher(m.group(2))
                .results().map(e -> " " + e.group(1)).reduce("", String::concat)).toList();
    }

    @Test
    void recordsAndFilesAreCreaterepos() throws Exception {
        Path comps = Files.write(tmp.resolve("comps.xml"), COMPS);
        Path theirs = Files.createDirectories(tmp.resolve("theirs"));
        Createrepo.run(theirs, theirs, "-g", comps.toString());
        Repomd expected = Repomd.read(theirs.resolve("repodata/repomd.xml"));

        Path repodata = Files.createDirectories(tmp.resolve("ours/repodata"));
        List<RepomdRecord> records = GroupRecords.write(repodata, COMPS, Compression.GZ, ChecksumType.SHA256);
        Repomd ours = new Repomd(1, records);

        RepomdRecord group = ours.record("group").orElseThrow();
        RepomdRecord gz = ours.record("group_gz").orElseThrow();
        RepomdRecord theirGroup = expected.record("group").orElseThrow();
        RepomdRecord theirGz = expected.record("group_gz").orElseThrow();
        assertThat(group.checksum()).isEqualTo(theirGroup.checksum());
        assertThat(group.href()).isEqualTo(theirGroup.href());
        assertThat(group.size()).isEqualTo(theirGroup.size());
        assertThat(gz.openChecksum()).isEqualTo(theirGz.openChecksum()).isEqualTo(group.checksum());
        assertThat(gz.openSize()).isEqualTo(theirGz.openSize());
        assertThat(gz.href()).matches("repodata/" + gz.checksum() + "-comps\\.xml\\.gz");
        assertThat(shapes(ours.toXml())).containsExactlyElementsOf(shapes(Files.readString(theirs.resolve("repodata/repomd.xml")))
                .stream().filter(s -> s.startsWith("group")).toList());

        assertThat(repodata.resolve(group.fileName())).hasBinaryContent(COMPS);
        try (InputStream in = Compression.GZ.decompress(Files.newInputStream(repodata.resolve(gz.fileName())))) {
            assertThat(in.readAllBytes()).isEqualTo(COMPS);
        }
        assertThat(Files.size(repodata.resolve(gz.fileName()))).isEqualTo(gz.size());
    }

    @Test
    void theCompressedRecordIsNamedAfterItsCompression() throws Exception {
        Path repodata = Files.createDirectories(tmp.resolve("repodata"));
        assertThat(GroupRecords.write(repodata, COMPS, Compression.XZ, ChecksumType.SHA512))
                .extracting(RepomdRecord::type).containsExactly("group", "group_xz");
        assertThat(GroupRecords.write(repodata, COMPS, Compression.ZSTD, ChecksumType.SHA1))
                .extracting(RepomdRecord::type).containsExactly("group", "group_zst");
    }
}
