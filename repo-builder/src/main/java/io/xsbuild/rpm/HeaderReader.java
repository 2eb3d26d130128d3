package io.xsbuild.rpm;

import io.xsbuild.rpm.header.HeaderBytes;
import io.xsbuild.rpm.header.Header;
import io.xsbuild.rpm.header.HeaderParser;

import java.io.IOException;

/** Reads one header structure (intro, index, data store) from the package stream, within librpm's limits. */
enum HeaderReader {
    /** librpm allows a signature header at most 32 entries and 64 MiB of data. */
    SIGNATURE("signature header", 32, 64 << 20),
    /** and the main header 65536 entries and 256 MiB of data. */
    MAIN("header", 0x10000, 0x10000000);

    private static final int INTRO_SIZE = 16;

    private final String what;
    private final int maxEntries;
    private final int maxData;

    HeaderReader(String what, int maxEntries, int maxData) {
        this.what = what;
        this.maxEntries = maxEntries;
        this.maxData = maxData;
    }

    Header read(PackageInput in) throws RpmFormatException, IOException {
        long at = in.position();
        byte[] intro = in.read(INTRO_SIZE, "the " + what + " intro");
        if ((intro[0] & 0xff) != 0x8e || (intro[1] & 0xff) != 0xad || (intro[2] & 0xff) != 0xe8 || intro[3] != 1) {
            throw new RpmFormatException(String.format("no %s at offset %d: found %02x %02x %02x %02x,"
                    + " expected the header magic 8e ad e8 01", what, at, intro[0], intro[1], intro[2], intro[3]));
        }
        long entries = HeaderBytes.u32(intro, 8);
        long dataLength = HeaderBytes.u32(intro, 12);
        if (entries > maxEntries) {
            throw new RpmFormatException("the " + what + " at offset " + at + " claims " + entries
                    + " index entries, more than librpm's limit of " + maxEntries);
        }
        if (dataLength > maxData) {
            throw new RpmFormatException("the " + what + " at offset " + at + " claims " + dataLength
                    + " bytes of data, more than librpm's limit of " + maxData);
        }
        if (16 * entries + dataLength > in.remaining()) {
            throw new RpmFormatException("truncated: the " + what + " at offset " + at + " claims " + entries
                    + " index entries and " + dataLength + " bytes of data, but the file has only "
                    + in.remaining() + " bytes left");
        }
        byte[] index = in.read(16 * entries, "the " + what + " index");
        byte[] data = in.read(dataLength, "the " + what + " data");
        return HeaderParser.parse(what, index, data);
    }
}
