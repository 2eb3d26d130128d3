package io.xsbuild.snapshot;

import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.repomd.RepomdRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** An image's own repomd.xml, as the snapshot importer reads it: its comps record found, its faults named with the image. */
class IsoRepomdTest {

    static final Path ISO = Path.of("/isos/binpkg.iso");

    static final String REPOMD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <repomd xmlns="http://linux.duke.edu/metadata/repo" xmlns:rpm="http://linux.duke.edu/metadata/rpm">
              <revision>1</revision>
              <data type="primary"><checksum type="sha256">aa</checksum><open-checksum type="sha256">bb</open-checksum>
                <location href="repodata/aa-primary.xml.gz"/><timestamp>1</timestamp><size>10</size><open-size>20</open-size>
              </data>
              <data type="group_gz"><checksum type="sha256">cc</checksum><open-checksum type="sha256">dd</open-checksum>
                <location href="repodata/cc-comps.xml.gz"/></data>
              <data type="group"><checksum type="sha256">dd</checksum><location href="repodata/dd-comps.xml"/></data>
            </repomd>
            """;

    @Test
    void findsTheUncompressedGroupRecordFirst() throws IsoMetadataException {
        Repomd repomd = IsoContent.parseRepomd(ISO, REPOMD.getBytes(StandardCharsets.UTF_8));
        assertThat(repomd.records()).extracting(RepomdRecord::type).containsExactly("primary", "group_gz", "group");
        assertThat(GroupFile.record(repomd))
                .contains(new RepomdRecord("group", "sha256", "dd", null, null, "repodata/dd-comps.xml", 0, 0, 0));
        assertThat(repomd.record("primary")).hasValueSatisfying(r -> assertThat(r.openChecksum()).isEqualTo("bb"));
    }

    @Test
    void fallsBackToTheCompressedGroupRecord() throws IsoMetadataException {
        String gzOnly = REPOMD.replaceAll("(?s)<data type=\"group\">.*?</data>", "");
        assertThat(GroupFile.record(IsoContent.parseRepomd(ISO, gzOnly.getBytes(StandardCharsets.UTF_8))))
                .hasValueSatisfying(r -> assertThat(r.type()).isEqualTo("group_gz"));
        assertThat(GroupFile.record(IsoContent.parseRepomd(ISO, "<repomd/>".getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void refusesMalformedXmlAndExternalEntities() {
        assertThat(catchThrowableOfType(IsoMetadataException.class,
                () -> IsoContent.parseRepomd(ISO, "<repomd><data".getBytes(StandardCharsets.UTF_8))).getMessage())
                .startsWith("ISO /isos/binpkg.iso: repodata/repomd.xml: not well-formed XML").doesNotContain("\n");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<repomd><data type=\"group\"><checksum type=\"sha256\">&x;</checksum><location href=\"a\"/></data></repomd>";
        assertThat(catchThrowableOfType(IsoMetadataException.class, () -> IsoContent.parseRepomd(ISO, xxe.getBytes(StandardCharsets.UTF_8))))
                .isNotNull();
        assertThat(catchThrowableOfType(IsoMetadataException.class,
                () -> IsoContent.parseRepomd(ISO, "<repomd><data type=\"group\"/></repomd>".getBytes(StandardCharsets.UTF_8))).getMessage())
                .contains("without type, location, or checksum");
    }
}
