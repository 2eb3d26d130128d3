package io.xsbuild.iso;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writing the numeric and text fields of ECMA-119 (7.1 to 7.4): the encoding side of {@link Bytes}.
 */
final class Fields {

    private Fields() {
    }

    static void le16(byte[] b, int at, int value) {
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >> 8);
    }

    static void be16(byte[] b, int at, int value) {
        b[at] = (byte) (value >> 8);
        b[at + 1] = (byte) value;
    }

    static void le32(byte[] b, int at, long value) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (value >> (8 * i));
        }
    }

    static void be32(byte[] b, int at, long value) {
        for (int i = 0; i < 4; i++) {
            b[at + 3 - i] = (byte) (value >> (8 * i));
        }
    }

    /** A 16-bit number both little- and big-endian (7.2.3). */
    static void both16(byte[] b, int at, int value) {
        le16(b, at, value);
        be16(b, at + 2, value);
    }

    /** A 32-bit number both little- and big-endian (7.3.3). */
    static void both32(byte[] b, int at, long value) {
        le32(b, at, value);
        be32(b, at + 4, value);
    }

    /** A text field of {@code length} bytes, padded with spaces: ASCII, or UCS-2 big-endian for Joliet. */
    static void text(byte[] b, int at, int length, String text, boolean ucs2) {
        byte[] padded = new byte[length];
        if (ucs2) {
            for (int i = 0; i + 1 < length; i += 2) {
                padded[i + 1] = ' ';
            }
        } else {
            Arrays.fill(padded, (byte) ' ');
        }
        byte[] bytes = text.getBytes(ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, padded, 0, Math.min(bytes.length, length & (ucs2 ? ~1 : ~0)));
        System.arraycopy(padded, 0, b, at, length);
    }
}
