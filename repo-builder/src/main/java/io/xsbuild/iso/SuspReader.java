package io.xsbuild.iso;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SUSP entries of a directory record: its system use area, then each continuation area a CE
 * entry points at (SUSP 1.12, 5.1), up to ST. Continuation chains are bounded and may not revisit
 * an area, so a hostile chain ends in an error rather than a loop.
 */
final class SuspReader {

    static final int MAX_CONTINUATIONS = 32;
    static final int MAX_AREA = 64 << 10;
    static final int MAX_TOTAL = 256 << 10;

    private final ImageChannel image;
    private final long volumeEnd;
    private long cachedBlock = -1;
    private Bytes cached;

    SuspReader(ImageChannel image, long volumeEnd) {
        this.image = image;
        this.volumeEnd = volumeEnd;
    }

    /** The entries of the record, skipping {@code skip} bytes of its own area (SP's LEN_SKP). */
    List<SuspEntry> entries(DirectoryRecord record, int skip) throws IsoException {
        List<SuspEntry> entries = new ArrayList<>();
        Set<Long> visited = new HashSet<>();
        Bytes area = record.systemUse();
        int start = Math.min(skip, area.length());
        int total = 0;
        while (area != null) {
            Continuation next = readArea(area, start, entries);
            start = 0;
            if (next == null) {
                break;
            }
            if (visited.size() == MAX_CONTINUATIONS) {
                throw new CorruptIsoException(image.iso(), next.from, "more than " + MAX_CONTINUATIONS + " SUSP continuation areas for one record");
            }
            if (!visited.add(next.position())) {
                throw new CorruptIsoException(image.iso(), next.from, "SUSP continuation area at byte " + next.position() + " is visited twice: the chain loops");
            }
            total += next.length;
            if (total > MAX_TOTAL) {
                throw new CorruptIsoException(image.iso(), next.from, "SUSP continuation areas of one record exceed " + MAX_TOTAL + " bytes");
            }
            area = continuation(next);
        }
        return entries;
    }

    private Continuation readArea(Bytes area, int pos, List<SuspEntry> entries) throws CorruptIsoException {
        Continuation next = null;
        while (pos + 4 <= area.length()) {
            int c1 = area.u8(pos);
            int c2 = area.u8(pos + 1);
            if (c1 == 0 && c2 == 0) {
                break;
            }
            int length = area.u8(pos + 2);
            if (length < 4 || pos + length > area.length()) {
                throw area.corrupt(pos + 2, "SUSP entry '" + (char) c1 + (char) c2 + "' of " + length
                        + " bytes does not fit the " + (area.length() - pos) + " bytes left in its area");
            }
            String signature = new String(new byte[] {(byte) c1, (byte) c2}, StandardCharsets.ISO_8859_1);
            SuspEntry entry = new SuspEntry(signature, area.u8(pos + 3), area.view(pos + 4, length - 4));
            if (entry.is("ST")) {
                break;
            }
            if (entry.is("CE")) {
                next = continuationOf(entry);
            } else if (!entry.is("PD")) {
                entries.add(entry);
            }
            pos += length;
        }
        return next;
    }

    private Continuation continuationOf(SuspEntry ce) throws CorruptIsoException {
        Bytes data = ce.data();
        long block = data.both32(0, "CE block");
        long offset = data.both32(8, "CE offset");
        long length = data.both32(16, "CE length");
        if (offset >= DirectoryReader.SECTOR || length > MAX_AREA
                || block >= volumeEnd / DirectoryReader.SECTOR
                || block * DirectoryReader.SECTOR + offset + length > volumeEnd) {
            throw new CorruptIsoException(image.iso(), ce.offset(), "SUSP continuation area of " + length + " bytes at block "
                    + block + " offset " + offset + " lies outside the volume of " + volumeEnd + " bytes");
        }
        return new Continuation(ce.offset(), block, (int) offset, (int) length);
    }

    private Bytes continuation(Continuation next) throws IsoException {
        if (next.within + next.length <= DirectoryReader.SECTOR) {
            if (cachedBlock != next.block) {
                cached = image.read(next.block * DirectoryReader.SECTOR, DirectoryReader.SECTOR, "SUSP continuation block");
                cachedBlock = next.block;
            }
            return cached.view(next.within, next.length);
        }
        return image.read(next.position(), next.length, "SUSP continuation area");
    }

    /** Where a CE entry (at image offset {@code from}) continues the entries. */
    private record Continuation(long from, long block, int within, int length) {
        long position() {
            return block * DirectoryReader.SECTOR + within;
        }
    }
}
