package io.xsbuild.rpm;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.rpm.header.Tags;
import io.xsbuild.testing.RpmBytes;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChangelogReaderTest {

    private static List<Changelog> read(int limit, long[] times, String[] authors) throws Exception {
        String[] texts = new String[times.length];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "- change " + i;
        }
        RpmBytes.Header main = RpmBytes.Header.region(63).string(Tags.NAME, "p").string(Tags.VERSION, "1")
                .string(Tags.RELEASE, "1").string(Tags.SOURCERPM, "s").int32(Tags.CHANGELOGTIME, times)
                .strings(Tags.CHANGELOGNAME, authors).strings(Tags.CHANGELOGTEXT, texts);
        byte[] bytes = RpmBytes.rpm(3, RpmBytes.Header.region(62), main, new byte[0]);
        return new RpmReader(ChecksumType.SHA256, limit, "", w -> { })
                .read(new ByteArrayInputStream(bytes), "p.rpm", bytes.length, 0, null).changelogs();
    }

    @Test
    void theNewestEntriesUpToTheLimitComeOldestFirst() throws Exception {
        List<Changelog> entries = read(2, new long[] {300, 200, 100}, new String[] {"c", "b", "a"});
        assertThat(entries).containsExactly(new Changelog("b", 200, "- change 1"), new Changelog("c", 300, "- change 0"));
    }

    @Test
    void equalTimesPushTheNewerEntriesOneSecondLaterEach() throws Exception {
        List<Changelog> entries = read(10, new long[] {100, 100, 100, 50, 50},
                new String[] {"e", "d", "c", "b", "a"});
        assertThat(entries).extracting(Changelog::date).containsExactly(50L, 51L, 100L, 101L, 102L);
    }

    @Test
    void aBumpCarriesThroughEntriesItCatchesUpWith() throws Exception {
        List<Changelog> entries = read(10, new long[] {101, 100, 100}, new String[] {"c", "b", "a"});
        assertThat(entries).extracting(Changelog::date).containsExactly(100L, 101L, 102L);
    }

    @Test
    void trailingSpacesLeaveTheAuthor() throws Exception {
        assertThat(read(10, new long[] {1}, new String[] {"Someone <s@x> - 1.0-1   "}))
                .extracting(Changelog::author).containsExactly("Someone <s@x> - 1.0-1");
    }

    @Test
    void limitZeroKeepsNoneAndMinusOneKeepsAll() throws Exception {
        long[] times = new long[15];
        String[] authors = new String[15];
        for (int i = 0; i < 15; i++) {
            times[i] = 1000 - i;
            authors[i] = "a" + i;
        }
        assertThat(read(0, times, authors)).isEmpty();
        assertThat(read(-1, times, authors)).hasSize(15);
        assertThat(read(10, times, authors)).hasSize(10).first().extracting(Changelog::author).isEqualTo("a9");
    }
}
