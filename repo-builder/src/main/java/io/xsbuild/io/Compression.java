package io.xsbuild.io;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** How metadata files are compressed; the suffix is the one repodata file names end with. */
public enum Compression {
    GZ("gz", ".gz"),
    XZ("xz", ".xz"),
    ZSTD("zstd", ".zst");

    private static final int BUFFER = 128 * 1024;

    private final String optionName;
    private final String suffix;

    Compression(String optionName, String suffix) {
        this.optionName = optionName;
        this.suffix = suffix;
    }

    /** ".gz", ".xz", ".zst". */
    public String suffix() {
        return suffix;
    }

    /** A stream that compresses into {@code out}; closing it finishes the compressed data and closes {@code out}. */
    public OutputStream compress(OutputStream out) throws IOException {
        return switch (this) {
            case GZ -> new GZIPOutputStream(out, BUFFER);
            case XZ -> Xz.compress(out);
            case ZSTD -> Zstd.compress(out);
        };
    }

    public InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            case GZ -> new GZIPInputStream(in, BUFFER);
            case XZ -> Xz.decompress(new BufferedInputStream(in, BUFFER));
            case ZSTD -> Zstd.decompress(new BufferedInputStream(in, BUFFER));
        };
    }

    /** The compression a metadata file's name says it has, or null for one xsbuild does not read. */
    public static Compression ofFile(String fileName) {
        for (Compression c : values()) {
            if (fileName.endsWith(c.suffix)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return optionName;
    }

    /** The xz library, loaded only when xz is used. */
    private static final class Xz {
        static OutputStream compress(OutputStream out) throws IOException {
            return new XZOutputStream(out, new LZMA2Options());
        }

        static InputStream decompress(InputStream in) throws IOException {
            return new XZInputStream(in);
        }
    }

    /** The zstd library (and its native code), loaded only when zstd is used. */
    private static final class Zstd {
        static OutputStream compress(OutputStream out) throws IOException {
            return new ZstdOutputStream(out, 3);
        }

        static InputStream decompress(InputStream in) throws IOException {
            return new ZstdInputStream(in);
        }
    }
}
