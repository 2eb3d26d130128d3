package io.xsbuild.cpio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes "new ASCII" cpio members (070701, or 070702 with the data's checksum) as GNU cpio does:
 * header, NUL-terminated name and data, each padded to 4 bytes, and after the trailer zeros up to
 * a 512-byte block.
 */
public final class CpioWriter {

    private static final int BLOCK = 512;

    private final OutputStream out;
    private long written;

    public CpioWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes {@code entry}'s header and name; its {@code fileSize} bytes of data must follow, through {@link #data}. */
    public void header(CpioEntry entry) throws IOException {
        byte[] name = (entry.name() + "\0").getBytes(StandardCharsets.UTF_8);
        if (name.length > CpioReader.MAX_NAME) {
            throw new IOException("the cpio member name " + entry.name() + " is longer than " + CpioReader.MAX_NAME + " bytes");
        }
        long[] fields = {entry.ino(), entry.mode() & 0xFFFF_FFFFL, entry.uid(), entry.gid(), entry.nlink(), entry.mtime(),
            entry.fileSize(), entry.devMajor(), entry.devMinor(), entry.rdevMajor(), entry.rdevMinor(), name.length,
            entry.check()};
        StringBuilder h = new StringBuilder(CpioReader.HEADER).append(entry.magic());
        for (long f : fields) {
            if (f < 0 || f > 0xFFFF_FFFFL) {
                throw new IOException("the cpio member " + entry.name() + " has a field (" + f + ") that 8 hex digits cannot hold");
            }
            h.append(String.format("%08X", f));
        }
        write(h.toString().getBytes(StandardCharsets.US_ASCII));
        write(name);
        write(new byte[CpioReader.pad(CpioReader.HEADER + name.length)]);
    }

    /** Writes a member with its data. */
    public void member(CpioEntry entry, byte[] data) throws IOException {
        if (data.length != entry.fileSize()) {
            throw new IllegalArgumentException(data.length + " bytes for a member of " + entry.fileSize());
        }
        header(entry);
        write(data);
        endData(data.length);
    }

    /** Copies {@code length} bytes of data from {@code in}, then the padding. */
    public void data(InputStream in, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the data of a cpio member ended " + left + " bytes early");
            }
            write(buffer, n);
            left -= n;
        }
        endData(length);
    }

    /** The padding after {@code length} bytes of data written by the caller through {@link #stream}. */
    public void endData(long length) throws IOException {
        write(new byte[CpioReader.pad(length)]);
    }

    /** Where a member's data may be written directly; the caller counts it and calls {@link #endData}. */
    public OutputStream stream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                CpioWriter.this.write(new byte[] {(byte) b});
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                written += len;
            }
        };
    }

    /** Ends the archive: the trailer, then zeros to a whole 512-byte block. */
    public void trailer(String magic) throws IOException {
        member(new CpioEntry(magic, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, CpioEntry.TRAILER), new byte[0]);
        write(new byte[(int) ((BLOCK - written % BLOCK) % BLOCK)]);
    }

    /** The checksum 070702 records: the sum of the data's bytes, modulo 2^32. */
    public static long checksum(byte[] data) {
        long sum = 0;
        for (byte b : data) {
            sum += b & 0xff;
        }
        return sum & 0xFFFF_FFFFL;
    }

    private void write(byte[] b) throws IOException {
        write(b, b.length);
    }

    private void write(byte[] b, int n) throws IOException {
        out.write(b, 0, n);
        written += n;
    }
}
