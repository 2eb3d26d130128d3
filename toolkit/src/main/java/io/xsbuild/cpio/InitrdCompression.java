package io.xsbuild.cpio;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.LZMAInputStream;
import org.tukaani.xz.LZMAOutputStream;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How an initrd is compressed, known by its first bytes as the kernel knows it
 * ({@code lib/decompress.c}): gzip, bzip2, xz, legacy lzma ({@code xz --format=lzma}), zstd, or
 * none. An initrd is written back in the compression it came in; xz keeps its integrity check
 * (the kernel reads CRC32 or none, so dracut writes {@code --check=crc32}).
 */
public enum InitrdCompression {
    NONE("uncompressed"),
    GZIP("gzip"),
    BZIP2("bzip2"),
    XZ("xz"),
    LZMA("lzma"),
    ZSTD("zstd");

    /** Enough of the start of a file to know its compression, and an xz stream's check. */
    public static final int MAGIC_BYTES = 8;
    private static final int BUFFER = 256 * 1024;

    private final String label;

    InitrdCompression(String label) {
        this.label = label;
    }

    /**
     * The compression {@code head} (the file's first bytes) shows; null for one the kernel reads but
     * xsbuild does not (lz4, lzo) or for what is no initrd at all.
     */
    public static InitrdCompression of(byte[] head) {
        if (starts(head, 0x1f, 0x8b)) {
            return GZIP;
        }
        if (starts(head, 'B', 'Z', 'h') && head.length > 3 && head[3] >= '1' && head[3] <= '9') {
            return BZIP2;
        }
        if (starts(head, 0xfd, '7', 'z', 'X', 'Z', 0)) {
            return XZ;
        }
        if (starts(head, 0x28, 0xb5, 0x2f, 0xfd)) {
            return ZSTD;
        }
        if (starts(head, 0x5d, 0, 0)) {
            return LZMA;
        }
        if (starts(head, '0', '7', '0', '7', '0', '1') || starts(head, '0', '7', '0', '7', '0', '2')) {
            return NONE;
        }
        return null;
    }

    /** What the kernel would call the first bytes {@code head}, for an error about them. */
    public static String describe(byte[] head) {
        if (starts(head, 0x02, 0x21, 0x4c, 0x18)) {
            return "lz4 (legacy) compressed";
        }
        if (starts(head, 0x89, 'L', 'Z', 'O')) {
            return "lzo compressed";
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(head.length, 4); i++) {
            hex.append(String.format("%02x", head[i] & 0xff));
        }
        return "neither a cpio archive nor compressed with gzip, bzip2, xz, lzma or zstd (it starts " + hex + ")";
    }

    /** The integrity check of an xz stream whose first bytes are {@code head}: its stream flags' second byte. */
    public static int xzCheck(byte[] head) {
        return head.length > 7 ? head[7] & 0x0f : org.tukaani.xz.XZ.CHECK_CRC32;
    }

    public InputStream decompress(InputStream in) throws IOException {
        InputStream buffered = new BufferedInputStream(in, BUFFER);
        return switch (this) {
            case NONE -> buffered;
            case GZIP -> new GZIPInputStream(buffered, BUFFER);
            case BZIP2 -> new BZip2CompressorInputStream(buffered, true);
            case XZ -> new XZInputStream(buffered);
            case LZMA -> new LZMAInputStream(buffered);
            case ZSTD -> new ZstdInputStream(buffered);
        };
    }

    /**
     * A stream that compresses into {@code out}; closing it ends the compressed data and {@code out}.
     *
     * @param xzCheck the check of an xz stream ({@link #xzCheck}); ignored otherwise
     */
    public OutputStream compress(OutputStream out, int xzCheck) throws IOException {
        return switch (this) {
            case NONE -> out;
            case GZIP -> new GZIPOutputStream(out, BUFFER);
            case BZIP2 -> new BZip2CompressorOutputStream(out, 9);
            case XZ -> new XZOutputStream(out, new LZMA2Options(), xzCheck);
            case LZMA -> new LZMAOutputStream(out, new LZMA2Options(), -1);
            case ZSTD -> new ZstdOutputStream(out, 9);
        };
    }

    @Override
    public String toString() {
        return label;
    }

    private static boolean starts(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xff) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
