package io.xsbuild.rpm.header;

import java.nio.charset.StandardCharsets;

/**
 * Header strings as text, decoded the way createrepo_c decodes them: UTF-8 when the bytes are
 * well-formed UTF-8 by libxml2's structural check, otherwise ISO-8859-1 where bytes 0x80-0xBF
 * (C1 controls, most likely mis-encoded CP1252) are dropped.
 */
public final class HeaderText {

    private HeaderText() {
    }

    public static String decode(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end && bytes[i] >= 0) {
            i++;
        }
        if (i == end) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        if (isUtf8(bytes, i, end)) {
            return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }
        return latin1(bytes, offset, end);
    }

    /** libxml2's xmlCheckUTF8: lead bytes and the right number of continuation bytes, nothing more. */
    public static boolean isUtf8(byte[] bytes, int from, int end) {
        int i = from;
        while (i < end) {
            int c = bytes[i] & 0xff;
            int continuation;
            if (c < 0x80) {
                continuation = 0;
            } else if ((c & 0xe0) == 0xc0) {
                continuation = 1;
            } else if ((c & 0xf0) == 0xe0) {
                continuation = 2;
            } else if ((c & 0xf8) == 0xf0) {
                continuation = 3;
            } else {
                return false;
            }
            for (int k = 1; k <= continuation; k++) {
                if (i + k >= end || (bytes[i + k] & 0xc0) != 0x80) {
                    return false;
                }
            }
            i += continuation + 1;
        }
        return true;
    }

    private static String latin1(byte[] bytes, int from, int end) {
        StringBuilder text = new StringBuilder(end - from);
        for (int i = from; i < end; i++) {
            int c = bytes[i] & 0xff;
            if (c < 0x80 || c >= 0xc0) {
                text.append((char) c);
            }
        }
        return text.toString();
    }

    /**
     * The first character XML 1.0 cannot carry (a control character other than tab, line feed and
     * carriage return), or -1. createrepo_c refuses packages whose metadata holds one.
     */
    public static int forbiddenCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
        }
        return -1;
    }
}
