package io.xsbuild.iso;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The two date forms of ECMA-119: the 7-byte binary form of directory records (9.1.5) and Rock
 * Ridge TF, and the 17-byte digit form of volume descriptors (8.4.26.1). A date that is unset or
 * impossible reads as the epoch: dates describe files, they never decide where bytes are. Dates are
 * written in UTC (offset 0).
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

    /** The 7-byte form in UTC; a time outside 1900 to 2155, which the form cannot hold, is clamped. */
    static byte[] shortForm(Instant time) {
        LocalDateTime t = utc(time, 1900, 2155);
        return new byte[] {(byte) (t.getYear() - 1900), (byte) t.getMonthValue(), (byte) t.getDayOfMonth(),
                (byte) t.getHour(), (byte) t.getMinute(), (byte) t.getSecond(), 0};
    }

    /** The 17-byte form in UTC, or the "not specified" form (all digits zero) for null. */
    static byte[] longForm(Instant time) {
        String digits = "0".repeat(LONG - 1);
        if (time != null) {
            LocalDateTime t = utc(time, 1, 9999);
            digits = String.format("%04d%02d%02d%02d%02d%02d%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                    t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 10_000_000);
        }
        byte[] form = new byte[LONG];
        System.arraycopy(digits.getBytes(StandardCharsets.US_ASCII), 0, form, 0, LONG - 1);
        return form;
    }

    private static LocalDateTime utc(Instant time, int firstYear, int lastYear) {
        Instant first = LocalDateTime.of(firstYear, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
        Instant last = LocalDateTime.of(lastYear, 12, 31, 23, 59, 59).toInstant(ZoneOffset.UTC);
        Instant clamped = time.isBefore(first) ? first : time.isAfter(last) ? last : time;
        return LocalDateTime.ofInstant(clamped, ZoneOffset.UTC);
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
