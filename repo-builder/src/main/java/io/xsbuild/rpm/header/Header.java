package io.xsbuild.rpm.header;

import io.xsbuild.rpm.RpmFormatException;

import java.util.ArrayList;
import java.util.List;

/**
 * An RPM header (or signature header) as parsed from its index and data store: entries by tag, each
 * already checked to lie within the data store ({@link HeaderParser}). Reading a value checks only
 * that the entry's type suits the use; numbers are read unsigned, as librpm reads them.
 */
public final class Header {

    /** One index entry: the data store it is in and where its data lies there. */
    record Entry(int tag, HeaderType type, int offset, int count, byte[] store) {
    }

    private final EntryIndex entries;
    private final int regionTag;
    private boolean controlCharacters;

    Header(EntryIndex entries, int regionTag) {
        this.entries = entries;
        this.regionTag = regionTag;
    }

    public boolean has(int tag) {
        return entries.get(tag) != null;
    }

    /** The tag of the region the header opens with (61, 62 or 63), or 0 for a header without one. */
    public int regionTag() {
        return regionTag;
    }

    /** The entry's type, or null when the header has no such entry. */
    public HeaderType type(int tag) {
        Entry e = entries.get(tag);
        return e == null ? null : e.type();
    }

    /** The number of values the entry holds, 0 when absent. */
    public int count(int tag) {
        Entry e = entries.get(tag);
        return e == null ? 0 : e.count();
    }

    /** The first string of a text entry, or null when absent. */
    public String string(int tag) throws RpmFormatException {
        Entry e = entries.get(tag);
        if (e == null) {
            return null;
        }
        requireText(e);
        return HeaderText.decode(e.store(), e.offset(), end(e.store(), e.offset()) - e.offset());
    }

    /** Every string of a text entry; empty when absent. */
    public List<String> strings(int tag) throws RpmFormatException {
        return strings(tag, Integer.MAX_VALUE);
    }

    /** The first {@code max} strings of a text entry; empty when absent. */
    public List<String> strings(int tag, int max) throws RpmFormatException {
        Entry e = entries.get(tag);
        if (e == null) {
            return List.of();
        }
        requireText(e);
        int n = Math.min(max, e.count());
        List<String> values = new ArrayList<>(n);
        int at = e.offset();
        for (int i = 0; i < n; i++) {
            int end = end(e.store(), at);
            values.add(HeaderText.decode(e.store(), at, end - at));
            at = end + 1;
        }
        return values;
    }

    /** The first value of an integer entry, or {@code absent} when there is none. */
    public long number(int tag, long absent) throws RpmFormatException {
        Entry e = entries.get(tag);
        if (e == null) {
            return absent;
        }
        requireInteger(e);
        return value(e, 0);
    }

    /** Every value of an integer entry; empty when absent. */
    public long[] numbers(int tag) throws RpmFormatException {
        Entry e = entries.get(tag);
        if (e == null) {
            return new long[0];
        }
        requireInteger(e);
        long[] values = new long[e.count()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(e, i);
        }
        return values;
    }

    /**
     * This header with more entries: for each {@code [tag, sourceTag]} pair, {@code sourceTag} of
     * {@code source} under the number {@code tag}, as librpm's headerPut adds translated signature
     * values to the main header.
     */
    public Header withEntries(Header source, int[][] tagPairs) {
        Entry[] added = new Entry[tagPairs.length];
        for (int i = 0; i < added.length; i++) {
            Entry from = source.entries.get(tagPairs[i][1]);
            added[i] = new Entry(tagPairs[i][0], from.type(), from.offset(), from.count(), from.store());
        }
        return new Header(entries.with(added), regionTag);
    }

    private static long value(Entry e, int index) {
        byte[] data = e.store();
        int at = e.offset() + index * e.type().width();
        return switch (e.type()) {
            case CHAR, INT8 -> data[at] & 0xffL;
            case INT16 -> ((data[at] & 0xff) << 8 | (data[at + 1] & 0xff)) & 0xffffL;
            case INT32 -> HeaderBytes.u32(data, at);
            case INT64 -> HeaderBytes.u32(data, at) << 32 | HeaderBytes.u32(data, at + 4);
            default -> throw new IllegalStateException(e.type().toString());
        };
    }

    /** Where the string at {@code from} ends (its NUL), noting whether it holds a control character. */
    private int end(byte[] data, int from) {
        int i = from;
        for (byte b; (b = data[i]) != 0; i++) {
            if (b < 0x20 && b > 0 && b != '\t' && b != '\n' && b != '\r') {
                controlCharacters = true;
            }
        }
        return i;
    }

    /**
     * Whether a string read from this header so far holds a control character other than tab, line
     * feed and carriage return, which XML cannot carry: when none does, nothing made of them does.
     */
    public boolean readControlCharacters() {
        return controlCharacters;
    }

    private static void requireText(Entry e) throws RpmFormatException {
        if (!e.type().isText()) {
            throw new RpmFormatException(Tags.describe(e.tag()) + " holds " + e.type() + " data where text was expected");
        }
    }

    private static void requireInteger(Entry e) throws RpmFormatException {
        if (!e.type().isInteger()) {
            throw new RpmFormatException(Tags.describe(e.tag()) + " holds " + e.type() + " data where a number was expected");
        }
    }
}
