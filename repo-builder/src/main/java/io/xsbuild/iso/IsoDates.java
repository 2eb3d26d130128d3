package io.xsbuild.iso;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The two date forms of ECMA-119: the 7-byte binary form of directory records (9.1.5) and Rock
 * Ridge TF, and the 17-byte digit form of volume descriptors (8.4.26.1). A date that is unset or
 * impossible reads as the epoch: dates describe files, they never decide where bytes are.
 */
final class IsoDates {

    static final int SHORT = 7;
    static final int LONG = 17;

    private IsoDates() {
    }

    static Instant shortForm(Bytes bytes, int at) throws CorruptIsoException {
        int year = 1900 + bytes.u8(at);
        int month = bytes.u8(at + 1);
        int day = bytes.u8(at + 2);
        int hour = bytes.u8(at + 3);
        int minute = bytes.u8(at + 4);
        int second = bytes.u8(at + 5);
        int quarterHours = (byte) bytes.u8(at + 6);
        return instant(year, month, day, hour, minute, second, quarterHours);
    }

    static Instant longForm(Bytes bytes, int at) throws CorruptIsoException {
        int[] fields = new int[7];
        int[] widths = {4, 2, 2, 2, 2, 2, 2};
        int pos = at;
        for (int i = 0; i < widths.length; i++) {
            int value = 0;
            for (int d = 0; d < widths[i]; d++) {
                int c = bytes.u8(pos++);
                if (c < '0' || c > '9') {
                    return Instant.EPOCH;
                }
                value = value * 10 + (c - '0');
            }
            fields[i] = value;
        }
        int quarterHours = (byte) bytes.u8(pos);
        return instant(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], quarterHours);
    }

    private static Instant instant(int year, int month, int day, int hour, int minute, int second, int quarterHours) {
        if (quarterHours < -48 || quarterHours > 52) {
            quarterHours = 0;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second)
                    .toInstant(ZoneOffset.ofTotalSeconds(quarterHours * 15 * 60));
        } catch (DateTimeException e) {
            return Instant.EPOCH;
        }
    }
}
