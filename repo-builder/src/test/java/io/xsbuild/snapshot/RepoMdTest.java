package io.xsbuild.snapshot;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RepoMdTest {

    static final Path ISO = Path.of("/isos/binpkg.iso");

    static final String REPOMD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <repomd xmlns="http://linux.duke.edu/metadata/repo" xmlns:rpm="http://linux.duke.edu/metadata/rpm">
              <revision>1</revision>
              <data type="primary">
                <checksum type="sha256">aa</checksum>
                <open-checksum type="sha256">bb</open-checksum>
                <location href="repodata/aa-primary.xml.gz"/>
                <timestamp>1</timestamp>
                <size>10</size>
                <open-size>20</open-size>
              </data>
              <data type="group_gz">
                <checksum type="sha256">cc</checksum>
                <open-checksum type="sha256">dd</open-checksum>
                <location href="repodata/cc-comps.xml.gz"/>
              </data>
              <data type="group">
                <checksum type="sha256">dd</checksum>
                <location href="repodata/dd-comps.xml"/>
              </data>
            </repomd>
            """;

    @Test
    void findsTheUncompressedGroupRecordFirst() throws IsoMetadataException {
        RepoMd repomd = RepoMd.parse(ISO, REPOMD.getBytes(StandardCharsets.UTF_8));
        assertThat(repomd.records()).extracting(RepoMd.Record::type).containsExactly("primary", "group_gz", "group");
        assertThat(repomd.group()).contains(new RepoMd.Record("group", "repodata/dd-comps.xml", "sha256", "dd", null, null));
        assertThat(repomd.record("primary")).hasValueSatisfying(r -> assertThat(r.openChecksum()).isEqualTo("bb"));
    }

    @Test
    void fallsBackToTheCompressedGroupRecord() throws IsoMetadataException {
        String gzOnly = REPOMD.replaceAll("(?s)<data type=\"group\">.*?</data>", "");
        assertThat(RepoMd.parse(ISO, gzOnly.getBytes(StandardCharsets.UTF_8)).group())
                .hasValueSatisfying(r -> assertThat(r.type()).isEqualTo("group_gz"));
        assertThat(RepoMd.parse(ISO, "<repomd/>".getBytes(StandardCharsets.UTF_8)).group()).isEmpty();
    }

    @Test
    void refusesMalformedXmlAndExternalEntities() {
        assertThat(catchThrowableOfType(IsoMetadataException.class,
                () -> RepoMd.parse(ISO, "<repomd><data".getBytes(StandardCharsets.UTF_8))).getMessage())
                .startsWith("ISO /isos/binpkg.iso: repodata/repomd.xml: not well-formed XML").doesNotContain("\n");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<repomd><data type=\"group\"><checksum type=\"sha256\">&x;</checksum><location href=\"a\"/></data></repomd>";
        assertThat(catchThrowableOfType(IsoMetadataException.class, () -> RepoMd.parse(ISO, xxe.getBytes(StandardCharsets.UTF_8))))
                .isNotNull();
        assertThat(catchThrowableOfType(IsoMetadataException.class,
                () -> RepoMd.parse(ISO, "<repomd><data type=\"group\"/></repomd>".getBytes(StandardCharsets.UTF_8))).getMessage())
                .contains("without type, location, or checksum");
    }
}
