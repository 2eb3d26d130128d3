package io.xsbuild.repo.xml;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.rpm.Location;
import io.xsbuild.rpm.RpmPackage;
import io.xsbuild.rpm.RpmReader;
import io.xsbuild.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PackageStampTest {

    @TempDir
    Path tmp;

    @Test
    void theStampReadBackFromPublishedEntriesIsTheOneTheyWereWrittenWith() throws Exception {
        List<Path> files = Corpus.generate(tmp, Corpus.Spec.small(6, 3));
        RpmReader reader = new RpmReader(ChecksumType.SHA512, 2, "", w -> { });
        List<String> hrefs = List.of("plain.rpm", "sub/dir/a&b.rpm", "caf\u00e9.rpm", "quote\"d.rpm", "<x>.rpm", "t\tab.rpm");
        List<String> bases = List.of("", "http://mirror.example/xs/", "", "file:///srv/a&b/", "", "");
        for (int i = 0; i < files.size(); i++) {
            RpmPackage read = reader.read(files.get(i), files.get(i).getFileName().toString());
            RpmPackage p = read.withFile(read.facts(), new Location(hrefs.get(i), bases.get(i)));
            MetadataEntries e = MetadataEntries.of(p);
            assertThat(PublishedPackages.stamp(e.primary(), e.other())).as(hrefs.get(i)).isEqualTo(PackageStamp.of(p));
        }
    }

    @Test
    void aKeyChangesWithEachThingItStampsAndABlockKeyWithEachKeyAndItsPlace() {
        long key = PackageStamp.key("a.rpm", 100, 1_700_000_000L, ChecksumType.SHA256);
        assertThat(List.of(PackageStamp.key("b.rpm", 100, 1_700_000_000L, ChecksumType.SHA256),
                PackageStamp.key("a.rpm", 101, 1_700_000_000L, ChecksumType.SHA256),
                PackageStamp.key("a.rpm", 100, 1_700_000_001L, ChecksumType.SHA256),
                PackageStamp.key("a.rpm", 100, 1_700_000_000L, ChecksumType.SHA512))).doesNotContain(key).doesNotHaveDuplicates();
        assertThat(PackageStamp.key("a.rpm", 100, 1_700_000_000L, ChecksumType.SHA256)).isEqualTo(key);
        long[] keys = {1, 2, 3};
        assertThat(MetadataBlock.key(keys)).isNotEqualTo(MetadataBlock.key(new long[] {2, 1, 3}))
                .isNotEqualTo(MetadataBlock.key(new long[] {1, 2})).isNotEqualTo(MetadataBlock.key(new long[] {1, 2, 3, 0}))
                .isEqualTo(MetadataBlock.key(new long[] {1, 2, 3}));
    }
}
