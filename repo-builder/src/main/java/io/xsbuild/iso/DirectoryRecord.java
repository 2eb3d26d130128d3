package io.xsbuild.iso;

import java.time.Instant;

/**
 * One directory record (ECMA-119 9.1) as recorded, before any name is decoded.
 *
 * @param offset          image offset of the record's first byte
 * @param block           the logical block where the extent (its extended attribute record first) starts
 * @param xarBlocks       blocks of extended attribute record in front of the data
 * @param dataLength      bytes of data in the extent
 * @param identifier      the file identifier as recorded
 * @param systemUse       the system use area (SUSP entries when Rock Ridge is in use), with its offset
 */
record DirectoryRecord(long offset, int length, long block, int xarBlocks, long dataLength, Instant recorded,
                       int flags, int unitSize, int gap, byte[] identifier, Bytes systemUse) {

    static final int MIN_LENGTH = 34;
    static final int LOCATION = 2;
    static final int FLAGS = 25;
    static final int UNIT_SIZE = 26;
    static final int IDENTIFIER = 33;

    private static final int HIDDEN = 0x01;
    private static final int DIRECTORY = 0x02;
    private static final int ASSOCIATED = 0x04;
    private static final int MULTI_EXTENT = 0x80;

    /** The record at {@code at}; the caller has checked its length byte is not zero. */
    static DirectoryRecord parse(Bytes bytes, int at) throws CorruptIsoException {
        int length = bytes.u8(at);
        if (length < MIN_LENGTH) {
            throw bytes.corrupt(at, "directory record of " + length + " bytes, shorter than the " + MIN_LENGTH + " a record needs");
        }
        if (at + length > bytes.length()) {
            throw bytes.corrupt(at, "directory record of " + length + " bytes crosses the end of its sector");
        }
        int xarBlocks = bytes.u8(at + 1);
        long block = bytes.both32(at + LOCATION, "extent location");
        long dataLength = bytes.both32(at + 10, "data length");
        Instant recorded = IsoDates.shortForm(bytes, at + 18);
        int flags = bytes.u8(at + FLAGS);
        int unitSize = bytes.u8(at + UNIT_SIZE);
        int gap = bytes.u8(at + 27);
        int idLength = bytes.u8(at + 32);
        if (idLength == 0 || 33 + idLength > length) {
            throw bytes.corrupt(at + 32, "file identifier of " + idLength + " bytes does not fit its record of " + length + " bytes");
        }
        byte[] identifier = bytes.slice(at + IDENTIFIER, idLength);
        int suStart = Math.min(length, 33 + idLength + (idLength % 2 == 0 ? 1 : 0));
        Bytes systemUse = bytes.view(at + suStart, length - suStart);
        return new DirectoryRecord(bytes.offset(at), length, block, xarBlocks, dataLength, recorded, flags, unitSize, gap,
                identifier, systemUse);
    }

    boolean isDirectory() {
        return (flags & DIRECTORY) != 0;
    }

    boolean isAssociated() {
        return (flags & ASSOCIATED) != 0;
    }

    boolean isHidden() {
        return (flags & HIDDEN) != 0;
    }

    boolean isMultiExtent() {
        return (flags & MULTI_EXTENT) != 0;
    }

    /** The "." record of a directory. */
    boolean isSelf() {
        return identifier.length == 1 && identifier[0] == 0;
    }

    /** The ".." record of a directory. */
    boolean isParent() {
        return identifier.length == 1 && identifier[0] == 1;
    }

    /** An error about the field {@code at} bytes into this record. */
    CorruptIsoException corrupt(int at, String what) {
        return new CorruptIsoException(systemUse.iso(), offset + at, what);
    }

    /** The first block of data, after any extended attribute record. */
    long dataBlock() {
        return block + xarBlocks;
    }
}
