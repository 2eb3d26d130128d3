package io.xsbuild.rpm;

import io.xsbuild.rpm.header.Header;
import io.xsbuild.rpm.header.Tags;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The newest {@code limit} changelog entries, oldest first, as createrepo_c takes them: trailing
 * spaces cut from the author, and where two taken entries share a time, the newer one moved a
 * second later (and so on up a run of equal times), so that every date sorts them.
 */
final class ChangelogReader {

    /** Every entry, for {@code --changelog-limit -1}. */
    static final int ALL = -1;

    private ChangelogReader() {
    }

    static List<Changelog> read(Header header, int limit) throws RpmFormatException {
        if (!header.has(Tags.CHANGELOGTIME) || !header.has(Tags.CHANGELOGNAME) || !header.has(Tags.CHANGELOGTEXT)) {
            return List.of();
        }
        int wanted = limit == ALL ? Integer.MAX_VALUE : limit;
        long[] times = header.numbers(Tags.CHANGELOGTIME);
        List<String> names = header.strings(Tags.CHANGELOGNAME, wanted);
        List<String> texts = header.strings(Tags.CHANGELOGTEXT, wanted);
        int n = Math.min(Math.min(times.length, wanted), Math.min(names.size(), texts.size()));
        long[] dates = new long[n];
        long last = 0;
        for (int i = 0; i < n; i++) {
            dates[i] = times[i];
            if (times[i] == last) {
                long bumped = (int) times[i];
                for (int k = i - 1; k >= 0 && dates[k] == bumped; k--) {
                    dates[k]++;
                    bumped++;
                }
            } else {
                last = times[i];
            }
        }
        List<Changelog> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            entries.add(new Changelog(trimAuthor(names.get(i)), dates[i], texts.get(i)));
        }
        Collections.reverse(entries);
        return entries;
    }

    private static String trimAuthor(String author) {
        int end = author.length();
        while (end > 1 && author.charAt(end - 1) == ' ') {
            end--;
        }
        return author.substring(0, end);
    }
}
