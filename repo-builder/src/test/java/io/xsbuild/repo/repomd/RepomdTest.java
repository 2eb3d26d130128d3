package io.xsbuild.repo.repomd;

import io.xsbuild.io.ChecksumType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
    void readsBackWhatItWrote(@TempDir Path dir) throws Exception {
        RepomdRecord other = new RepomdRecord("other", ChecksumType.SHA512, "cc", "dd", "repodata/cc-other.xml.zst",
                1, 2, 3);
        Repomd written = new Repomd(42, List.of(PRIMARY, other));
        Files.writeString(dir.resolve("repomd.xml"), written.toXml());
        assertThat(Repomd.read(dir.resolve("repomd.xml"))).isEqualTo(written);
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
