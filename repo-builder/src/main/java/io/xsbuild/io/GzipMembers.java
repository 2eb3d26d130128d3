package io.xsbuild.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A gzip file written as a series of members (RFC 1952 allows any number; zlib, Python, the JDK
 * and every yum and dnf reader read them one after another as one stream), each member carrying,
 * in an extra field of its header that readers skip, the length of its compressed data and a
 * payload of the writer's. The lengths let a reader go from member to member without inflating
 * anything, as BGZF does for BAM files; the payloads say what each member holds. A member can
 * then be copied into a new file byte for byte when what it holds has not changed.
 *
 * <p>Member header: ID1 ID2 CM=8 FLG=FEXTRA, MTIME 0, XFL 0, OS 255 (unknown), XLEN, then one
 * subfield 'X' 'S' whose data is the compressed data's length (4 bytes, little-endian) followed by
 * the payload; then the deflate data, CRC-32 and ISIZE.
 */
public final class GzipMembers {

    /** The most payload one member's header holds (XLEN is 16 bits: subfield header and length come off it). */
    public static final int MAX_PAYLOAD = 65535 - 4 - 4;

    private static final int FIXED = 10;
    private static final byte FEXTRA = 4;
    private static final byte SI1 = 'X';
    private static final byte SI2 = 'S';

    private GzipMembers() {
    }

    /** One member of a file: where it lies, its payload, and where its deflate data lies. */
    public record Member(long offset, long length, byte[] payload, long dataOffset, int dataLength) {
    }

    /** Writes members, each with one {@link Deflater} at the JDK's default level, reused. */
    public static final class Writer {
        private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        private final CRC32 crc = new CRC32();
        private byte[] out = new byte[64 * 1024];

        /** Writes {@code data[0, length)} as one member with {@code payload} in its header. */
        public void write(OutputStream to, byte[] data, int length, byte[] payload) throws IOException {
            if (payload.length > MAX_PAYLOAD) {
                throw new IllegalArgumentException("a gzip member's payload of " + payload.length + " bytes");
            }
            deflater.reset();
            deflater.setInput(data, 0, length);
            deflater.finish();
            int used = 0;
            while (!deflater.finished()) {
                if (used == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                used += deflater.deflate(out, used, out.length - used);
            }
            crc.reset();
            crc.update(data, 0, length);
            ByteBuffer head = ByteBuffer.allocate(FIXED + 2 + 4 + 4 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
            head.put((byte) 0x1f).put((byte) 0x8b).put((byte) 8).put(FEXTRA).putInt(0).put((byte) 0).put((byte) 0xff);
            head.putShort((short) (4 + 4 + payload.length));
            head.put(SI1).put(SI2).putShort((short) (4 + payload.length));
            head.putInt(used).put(payload);
            to.write(head.array());
            to.write(out, 0, used);
            ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            tail.putInt((int) crc.getValue()).putInt(length);
            to.write(tail.array());
        }

        public void close() {
            deflater.end();
        }
    }

    /**
     * The members of {@code file}, in order, read from their headers alone; null when the file is
     * not, from its first byte to its last, members in this form (a gzip file of one member as
     * other tools write, or a damaged one).
     */
    public static List<Member> members(ByteBuffer file) {
        ByteBuffer in = file.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        List<Member> members = new ArrayList<>();
        long at = 0;
        long end = in.limit();
        while (at < end) {
            if (end - at < FIXED + 2 + 8 + 8) {
                return null;
            }
            int p = (int) at;
            if (in.get(p) != (byte) 0x1f || in.get(p + 1) != (byte) 0x8b || in.get(p + 2) != 8 || in.get(p + 3) != FEXTRA
                    || in.get(p + 10 + 2) != SI1 || in.get(p + 10 + 3) != SI2) {
                return null;
            }
            int xlen = Short.toUnsignedInt(in.getShort(p + 10));
            int sublen = Short.toUnsignedInt(in.getShort(p + 10 + 4));
            if (sublen != xlen - 4 || sublen < 4) {
                return null;
            }
            long dataLength = Integer.toUnsignedLong(in.getInt(p + 10 + 6));
            long dataOffset = at + FIXED + 2 + xlen;
            long next = dataOffset + dataLength + 8;
            if (next > end || dataLength > Integer.MAX_VALUE) {
                return null;
            }
            byte[] payload = new byte[sublen - 4];
            in.get(p + 10 + 10, payload);
            members.add(new Member(at, next - at, payload, dataOffset, (int) dataLength));
            at = next;
        }
        return members;
    }

    /** {@code member} of {@code file} as it lies there, header to trailer. */
    public static byte[] bytes(ByteBuffer file, Member member) {
        byte[] out = new byte[(int) member.length()];
        file.duplicate().position((int) member.offset()).get(out);
        return out;
    }

    /** The bytes {@code member} of {@code file} holds, checked against its CRC-32 and size. */
    public static byte[] inflate(ByteBuffer file, Member member, Inflater inflater) throws IOException {
        ByteBuffer trailer = file.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int end = (int) member.dataOffset() + member.dataLength();
        long expectedCrc = Integer.toUnsignedLong(trailer.getInt(end));
        long size = Integer.toUnsignedLong(trailer.getInt(end + 4));
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException("a gzip member of " + size + " bytes");
        }
        ByteBuffer data = file.duplicate().position((int) member.dataOffset()).limit((int) member.dataOffset() + member.dataLength());
        inflater.reset();
        inflater.setInput(data);
        byte[] out = new byte[(int) size];
        try {
            int n = 0;
            while (n < out.length && !inflater.finished()) {
                int got = inflater.inflate(out, n, out.length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            if (n == out.length && !inflater.finished() && inflater.inflate(new byte[1]) != 0) {
                n++;
            }
            if (n != out.length || !inflater.finished()) {
                throw new IOException("a gzip member does not hold the " + size + " bytes its trailer gives");
            }
        } catch (DataFormatException e) {
            throw new IOException("a gzip member is damaged: " + e.getMessage(), e);
        }
        CRC32 crc = new CRC32();
        crc.update(out);
        if (crc.getValue() != expectedCrc) {
            throw new IOException("a gzip member's bytes do not match its CRC-32");
        }
        return out;
    }
}
