package io.xsbuild.iso;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Bytes read from an image, with the offset they came from, so that every field read from them can
 * name its byte offset when it is out of range or inconsistent.
 */
final class Bytes {

    private final Path iso;
    private final byte[] bytes;
    private final long base;

    Bytes(Path iso, byte[] bytes, long base) {
        this.iso = iso;
        this.bytes = bytes;
        this.base = base;
    }

    int length() {
        return bytes.length;
    }

    /** The image offset of index {@code at}. */
    long offset(int at) {
        return base + at;
    }

    Path iso() {
        return iso;
    }

    int u8(int at) throws CorruptIsoException {
        need(at, 1, "a byte");
        return bytes[at] & 0xff;
    }

    /** A 16-bit number recorded both little- and big-endian (ECMA-119 7.2.3). */
    int both16(int at, String what) throws CorruptIsoException {
        need(at, 4, what);
        int le = (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8;
        int be = (bytes[at + 2] & 0xff) << 8 | (bytes[at + 3] & 0xff);
        if (le != be) {
            throw corrupt(at, what + " disagrees with itself: " + le + " little-endian, " + be + " big-endian");
        }
        return le;
    }

    /** A 32-bit unsigned number recorded both little- and big-endian (ECMA-119 7.3.3). */
    long both32(int at, String what) throws CorruptIsoException {
        need(at, 8, what);
        long le = (bytes[at] & 0xffL) | (bytes[at + 1] & 0xffL) << 8 | (bytes[at + 2] & 0xffL) << 16 | (bytes[at + 3] & 0xffL) << 24;
        long be = (bytes[at + 4] & 0xffL) << 24 | (bytes[at + 5] & 0xffL) << 16 | (bytes[at + 6] & 0xffL) << 8 | (bytes[at + 7] & 0xffL);
        if (le != be) {
            throw corrupt(at, what + " disagrees with itself: " + le + " little-endian, " + be + " big-endian");
        }
        return le;
    }

    byte[] slice(int at, int length) throws CorruptIsoException {
        need(at, length, "a field");
        return Arrays.copyOfRange(bytes, at, at + length);
    }

    Bytes view(int at, int length) throws CorruptIsoException {
        return new Bytes(iso, slice(at, length), base + at);
    }

    /** A space-padded text field (a-characters, d-characters), trailing spaces removed. */
    String text(int at, int length) throws CorruptIsoException {
        need(at, length, "a text field");
        int end = at + length;
        while (end > at && (bytes[end - 1] == ' ' || bytes[end - 1] == 0)) {
            end--;
        }
        return new String(bytes, at, end - at, StandardCharsets.ISO_8859_1);
    }

    boolean matches(int at, byte[] expected) {
        if (at < 0 || at > bytes.length - expected.length) {
            return false;
        }
        return Arrays.equals(bytes, at, at + expected.length, expected, 0, expected.length);
    }

    CorruptIsoException corrupt(int at, String what) {
        return new CorruptIsoException(iso, base + at, what);
    }

    private void need(int at, int length, String what) throws CorruptIsoException {
        if (at < 0 || length < 0 || at > bytes.length - length) {
            throw corrupt(Math.max(at, 0), what + " of " + length + " bytes runs past the end of its area of " + bytes.length + " bytes");
        }
    }
}
