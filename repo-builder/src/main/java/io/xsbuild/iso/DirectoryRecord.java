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
    static final int MAX_LENGTH = 255;

    static final int DIRECTORY = 0x02;
    static final int MULTI_EXTENT = 0x80;
    private static final int HIDDEN = 0x01;
    private static final int ASSOCIATED = 0x04;

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
        int suStart = Math.min(length, systemUseStart(idLength));
        Bytes systemUse = bytes.view(at + suStart, length - suStart);
        return new DirectoryRecord(bytes.offset(at), length, block, xarBlocks, dataLength, recorded, flags, unitSize, gap,
                identifier, systemUse);
    }

    /**
     * A record as written: the identifier padded to an even length, then the system use area,
     * itself padded so that the record's length is even (SUSP 5.3 wants entries to start even).
     */
    static byte[] encode(byte[] identifier, long block, long dataLength, Instant recorded, int flags, byte[] systemUse) {
        int start = systemUseStart(identifier.length);
        int length = start + systemUse.length + systemUse.length % 2;
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("a directory record of " + length + " bytes");
        }
        byte[] r = new byte[length];
        r[0] = (byte) length;
        Fields.both32(r, LOCATION, block);
        Fields.both32(r, 10, dataLength);
        System.arraycopy(IsoDates.shortForm(recorded), 0, r, 18, IsoDates.SHORT);
        r[FLAGS] = (byte) flags;
        Fields.both16(r, 28, 1);
        r[32] = (byte) identifier.length;
        System.arraycopy(identifier, 0, r, IDENTIFIER, identifier.length);
        System.arraycopy(systemUse, 0, r, start, systemUse.length);
        return r;
    }

    /** The bytes of system use a record with an identifier of {@code identifierLength} bytes can hold. */
    static int systemUseRoom(int identifierLength) {
        return (MAX_LENGTH - systemUseStart(identifierLength)) & ~1;
    }

    private static int systemUseStart(int identifierLength) {
        return IDENTIFIER + identifierLength + (identifierLength % 2 == 0 ? 1 : 0);
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
