package io.xsbuild.rpm.header;

/** Big-endian numbers in byte arrays, as RPM stores them. */
public final class HeaderBytes {

    private HeaderBytes() {
    }

    /** The unsigned 32-bit number at {@code at}. */
    public static long u32(byte[] b, int at) {
        return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    /** The signed 32-bit number at {@code at}. */
    public static int s32(byte[] b, int at) {
        return (int) u32(b, at);
    }
}
