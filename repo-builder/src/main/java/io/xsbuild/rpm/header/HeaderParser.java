package io.xsbuild.rpm.header;

import io.xsbuild.rpm.RpmFormatException;


/**
 * Checks a header's index against its data store the way librpm's hdrblobVerifyRegion and
 * hdrblobVerifyInfo do, so that no value read later can lie outside the store: every entry of a
 * known type, aligned, its data within the store and after the previous entry's, and a leading
 * region entry whose trailer is where it says. Later entries win over earlier ones with the same
 * tag, as "dribble" entries after a region replace the region's.
 */
public final class HeaderParser {

    private static final int ENTRY_SIZE = 16;
    private static final int REGION_TRAILER_SIZE = 16;

    private HeaderParser() {
    }

    /**
     * @param what  "signature header" or "header", for messages
     * @param index {@code 16 * n} bytes of index entries
     * @param data  the data store
     */
    public static Header parse(String what, byte[] index, byte[] data) throws RpmFormatException {
        int count = index.length / ENTRY_SIZE;
        Header.Entry[] entries = new Header.Entry[count];
        int parsed = 0;
        int first = 0;
        int regionTag = 0;
        if (count > 0 && HeaderBytes.s32(index, 0) >= 0 && HeaderBytes.s32(index, 0) < Tags.HEADERI18NTABLE) {
            regionTag = region(what, index, count, data);
            first = 1;
        }
        long end = 0;
        for (int i = first; i < count; i++) {
            int at = i * ENTRY_SIZE;
            int tag = HeaderBytes.s32(index, at);
            int typeId = HeaderBytes.s32(index, at + 4);
            int offset = HeaderBytes.s32(index, at + 8);
            int n = HeaderBytes.s32(index, at + 12);
            if (tag < Tags.HEADERI18NTABLE) {
                throw bad(what, i, tag, "uses a tag number reserved for regions");
            }
            HeaderType type = HeaderType.of(typeId);
            if (type == null || type == HeaderType.NULL) {
                throw bad(what, i, tag, "has type " + typeId + ", expected 1 to 9");
            }
            if (offset < 0 || offset > data.length) {
                throw bad(what, i, tag, "points at byte " + offset + " of a " + data.length + "-byte data store");
            }
            if (offset < end) {
                throw bad(what, i, tag, "starts at byte " + offset
                        + ", inside the data of the entry before it (which ends at " + end + ")");
            }
            if (n < 1 || n > data.length) {
                throw bad(what, i, tag, "claims " + Integer.toUnsignedString(n) + " values in a " + data.length
                        + "-byte data store");
            }
            if (offset % type.alignment() != 0) {
                throw bad(what, i, tag, "has " + type + " data at byte " + offset + ", not on a "
                        + type.alignment() + "-byte boundary");
            }
            long length = length(type, data, offset, n);
            if (length < 0) {
                throw bad(what, i, tag, "has " + n + " " + type + " value(s) at byte " + offset
                        + " that run past the end of the " + data.length + "-byte data store");
            }
            end = offset + length;
            entries[parsed++] = new Header.Entry(tag, type, offset, n, data);
        }
        return new Header(EntryIndex.of(entries, parsed), regionTag);
    }

    private static RpmFormatException bad(String what, int i, int tag, String problem) {
        return new RpmFormatException(what + " entry " + i + " (" + Tags.describe(tag) + ") " + problem);
    }

    /** Checks the leading region entry and its trailer; returns the region's tag. */
    private static int region(String what, byte[] index, int count, byte[] data) throws RpmFormatException {
        int tag = HeaderBytes.s32(index, 0);
        int type = HeaderBytes.s32(index, 4);
        int offset = HeaderBytes.s32(index, 8);
        int n = HeaderBytes.s32(index, 12);
        String entry = what + " region entry (tag " + tag + ")";
        if (tag != Tags.HEADERIMAGE && tag != Tags.HEADERSIGNATURES && tag != Tags.HEADERIMMUTABLE) {
            throw new RpmFormatException(entry + ": expected tag 61, 62 or 63");
        }
        if (type != HeaderType.BIN.id() || n != REGION_TRAILER_SIZE) {
            throw new RpmFormatException(entry + " has type " + type + " and count " + n
                    + ", expected BIN (7) and 16");
        }
        if (offset < 0 || (long) offset + REGION_TRAILER_SIZE > data.length) {
            throw new RpmFormatException(entry + " points at byte " + offset + ", past the "
                    + data.length + "-byte data store");
        }
        int trailerTag = HeaderBytes.s32(data, offset);
        int trailerType = HeaderBytes.s32(data, offset + 4);
        int trailerOffset = HeaderBytes.s32(data, offset + 8);
        int trailerCount = HeaderBytes.s32(data, offset + 12);
        long regionEntries = -(long) trailerOffset / ENTRY_SIZE;
        if (trailerTag != tag || trailerType != HeaderType.BIN.id() || trailerCount != REGION_TRAILER_SIZE
                || trailerOffset >= 0 || trailerOffset % ENTRY_SIZE != 0 || regionEntries > count) {
            throw new RpmFormatException(entry + ": its trailer at byte " + offset
                    + " does not describe a region of at most " + count + " entries");
        }
        return tag;
    }

    /** HeaderBytes taken by {@code n} values of {@code type} at {@code offset}, or -1 when they do not fit. */
    private static long length(HeaderType type, byte[] data, int offset, int n) {
        if (!type.isText()) {
            long length = (long) n * type.width();
            return offset + length <= data.length ? length : -1;
        }
        if (type == HeaderType.STRING && n != 1) {
            return -1;
        }
        int at = offset;
        for (int i = 0; i < n; i++) {
            while (at < data.length && data[at] != 0) {
                at++;
            }
            if (at == data.length) {
                return -1;
            }
            at++;
        }
        return at - offset;
    }
}
