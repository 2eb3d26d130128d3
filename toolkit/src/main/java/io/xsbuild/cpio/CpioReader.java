package io.xsbuild.cpio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the members of "new ASCII" cpio archives (070701 and 070702) from a stream, as the kernel
 * unpacks an initramfs: one archive after another, each ended by its trailer, with zero padding
 * between them. Every field is checked; a member's data is copied or skipped before the next
 * header is read.
 */
public final class CpioReader {

    static final int HEADER = 110;
    /** Longer names than this are refused: the kernel's own limit is PATH_MAX, 4096. */
    static final int MAX_NAME = 4096;

    private final InputStream in;
    private final String source;
    private long offset;
    private long pendingData;
    private int pendingPad;
    private boolean betweenArchives;

    /** @param source names the archive in errors ("install.img") */
    public CpioReader(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** Bytes read so far. */
    public long offset() {
        return offset;
    }

    /**
     * The next member; a trailer ends an archive and is given too, and after it another archive may
     * follow. Null at the end of the stream.
     */
    public CpioEntry next() throws IOException {
        skip(pendingData);
        skip(pendingPad);
        pendingData = 0;
        pendingPad = 0;
        byte[] head = new byte[HEADER];
        int first = readSome(head, 0, 6);
        if (first < 0) {
            if (!betweenArchives) {
                throw corrupt("ends without a TRAILER!!! member");
            }
            return null;
        }
        if (betweenArchives) {
            first = skipPadding(head, first);
            if (first < 0) {
                return null;
            }
            String next = new String(head, 0, first, StandardCharsets.US_ASCII);
            if (!next.equals(CpioEntry.NEWC) && !next.equals(CpioEntry.CRC)) {
                throw corrupt("has data after its trailer that is not another cpio archive, at byte " + (offset - first));
            }
        }
        readFully(head, first, HEADER - first);
        String magic = new String(head, 0, 6, StandardCharsets.US_ASCII);
        if (!magic.equals(CpioEntry.NEWC) && !magic.equals(CpioEntry.CRC)) {
            throw corrupt("has '" + printable(head, 6) + "' where a cpio header (070701 or 070702) should start, at byte "
                    + (offset - HEADER));
        }
        long[] f = new long[13];
        for (int i = 0; i < 13; i++) {
            f[i] = hex(head, 6 + 8 * i);
        }
        long nameSize = f[11];
        if (nameSize < 2 || nameSize > MAX_NAME) {
            throw corrupt("has a member whose name is " + nameSize + " bytes (2 to " + MAX_NAME + " expected), at byte "
                    + (offset - HEADER));
        }
        byte[] name = new byte[(int) nameSize];
        readFully(name, 0, name.length);
        if (name[name.length - 1] != 0) {
            throw corrupt("has a member name without its terminating NUL, at byte " + (offset - name.length));
        }
        skip(pad(HEADER + nameSize));
        CpioEntry entry = new CpioEntry(magic, f[0], (int) f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[12],
                new String(name, 0, name.length - 1, StandardCharsets.UTF_8));
        pendingData = entry.fileSize();
        pendingPad = pad(entry.fileSize());
        betweenArchives = entry.isTrailer();
        return entry;
    }

    /** Copies the data of the member {@link #next} gave to {@code out}. */
    public void copyData(OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (pendingData > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, pendingData));
            if (n < 0) {
                throw truncated();
            }
            offset += n;
            pendingData -= n;
            out.write(buffer, 0, n);
        }
    }

    /** The data of the member {@link #next} gave, which must be small. */
    public byte[] readData(int limit) throws IOException {
        if (pendingData > limit) {
            throw corrupt("has a member of " + pendingData + " bytes where at most " + limit + " were expected");
        }
        byte[] data = new byte[(int) pendingData];
        readFully(data, 0, data.length);
        pendingData = 0;
        return data;
    }

    /** After a trailer: zeros up to the next archive's header, whose first bytes end up in {@code head}. */
    private int skipPadding(byte[] head, int have) throws IOException {
        int n = have;
        while (true) {
            int zeros = 0;
            while (zeros < n && head[zeros] == 0) {
                zeros++;
            }
            if (zeros < n) {
                if ((offset - n + zeros) % 4 != 0) {
                    throw corrupt("has data after its trailer that is not another cpio archive, at byte " + (offset - n + zeros));
                }
                System.arraycopy(head, zeros, head, 0, n - zeros);
                n -= zeros;
                int more = readSome(head, n, 6 - n);
                if (more < 0) {
                    throw corrupt("has data after its trailer that is not another cpio archive, at byte " + (offset - n));
                }
                return n + more;
            }
            n = readSome(head, 0, 6);
            if (n < 0) {
                return -1;
            }
        }
    }

    private long hex(byte[] head, int at) throws IOException {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            int c = head[at + i];
            int digit = Character.digit(c, 16);
            if (digit < 0) {
                throw corrupt("has a header field '" + printable(java.util.Arrays.copyOfRange(head, at, at + 8), 8)
                        + "' that is not 8 hexadecimal digits, at byte " + (offset - HEADER + at));
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** Reads up to {@code length} bytes, at least one unless at the end; -1 at the end. */
    private int readSome(byte[] b, int at, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = in.read(b, at + done, length - done);
            if (n < 0) {
                break;
            }
            done += n;
            offset += n;
        }
        return done == 0 && length > 0 ? -1 : done;
    }

    private void readFully(byte[] b, int at, int length) throws IOException {
        if (length > 0 && readSome(b, at, length) != length) {
            throw truncated();
        }
    }

    private void skip(long n) throws IOException {
        long left = n;
        byte[] buffer = new byte[(int) Math.min(Math.max(left, 1), 64 * 1024)];
        while (left > 0) {
            int got = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (got < 0) {
                throw truncated();
            }
            left -= got;
            offset += got;
        }
    }

    static int pad(long length) {
        return (int) ((4 - length % 4) % 4);
    }

    private IOException truncated() {
        return new CpioFormatException(source + " is truncated: its cpio archive ends at byte " + offset + " inside a member");
    }

    private IOException corrupt(String what) {
        return new CpioFormatException(source + " " + what);
    }

    private static String printable(byte[] b, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n && i < b.length; i++) {
            int c = b[i] & 0xff;
            s.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
        }
        return s.toString();
    }
}
