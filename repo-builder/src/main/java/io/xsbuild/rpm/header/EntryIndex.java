package io.xsbuild.rpm.header;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A header's entries by tag: sorted, searched by bisection, the last of several entries with one
 * tag kept (as a dribble replaces the region's entry in librpm).
 */
final class EntryIndex {

    /** Stable, so entries with one tag stay in index order. */
    private static final Comparator<Header.Entry> BY_TAG = Comparator.comparingInt(Header.Entry::tag);

    private final int[] tags;
    private final Header.Entry[] entries;

    private EntryIndex(int[] tags, Header.Entry[] entries) {
        this.tags = tags;
        this.entries = entries;
    }

    /** The entries in index order (usually sorted by tag already, as rpm writes them). */
    static EntryIndex of(Header.Entry[] inIndexOrder, int count) {
        Header.Entry[] ordered = Arrays.copyOf(inIndexOrder, count);
        for (int i = 1; i < count; i++) {
            if (ordered[i].tag() < ordered[i - 1].tag()) {
                Arrays.sort(ordered, BY_TAG);
                break;
            }
        }
        int[] tags = new int[count];
        Header.Entry[] entries = new Header.Entry[count];
        int n = 0;
        for (Header.Entry e : ordered) {
            if (n > 0 && tags[n - 1] == e.tag()) {
                entries[n - 1] = e;
            } else {
                tags[n] = e.tag();
                entries[n++] = e;
            }
        }
        return new EntryIndex(Arrays.copyOf(tags, n), Arrays.copyOf(entries, n));
    }

    Header.Entry get(int tag) {
        int i = Arrays.binarySearch(tags, tag);
        return i >= 0 ? entries[i] : null;
    }

    /** These entries and {@code added}, which replace any with their tags; each goes in by bisection. */
    EntryIndex with(Header.Entry... added) {
        int[] t = tags;
        Header.Entry[] e = entries;
        for (Header.Entry entry : added) {
            int i = Arrays.binarySearch(t, entry.tag());
            if (i >= 0) {
                e = e.clone();
                e[i] = entry;
                continue;
            }
            int at = -i - 1;
            int[] moreTags = new int[t.length + 1];
            Header.Entry[] moreEntries = new Header.Entry[e.length + 1];
            System.arraycopy(t, 0, moreTags, 0, at);
            System.arraycopy(e, 0, moreEntries, 0, at);
            moreTags[at] = entry.tag();
            moreEntries[at] = entry;
            System.arraycopy(t, at, moreTags, at + 1, t.length - at);
            System.arraycopy(e, at, moreEntries, at + 1, e.length - at);
            t = moreTags;
            e = moreEntries;
        }
        return new EntryIndex(t, e);
    }
}
