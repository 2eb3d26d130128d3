package io.xsbuild.cpio;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Puts files into an initrd (a cpio archive, compressed or not) in one streaming pass: every
 * member is copied as it is (hard links, devices, times, owners and inode numbers included)
 * except those the new files replace, then the new files follow, with any directory above them
 * the archive lacks, then one trailer; the result is compressed as the original was. Archives
 * concatenated one after another (as the kernel allows) come out as one.
 */
public final class Initrd {

    /** An initrd that decompresses to more than this is refused: installers' are a few hundred MB. */
    public static final long MAX_UNCOMPRESSED = 4L << 30;
    private static final int DIRECTORY_MODE = CpioEntry.S_IFDIR | 0755;

    private Initrd() {
    }

    /**
     * A file to put in the initrd.
     *
     * @param path        its absolute path in the initrd ("/answerfile.xml")
     * @param source      the host file it is copied from
     * @param permissions its permission bits (owner and group are root)
     * @param mtime       its modification time, in seconds
     */
    public record Addition(String path, Path source, int permissions, long mtime) {
        public Addition {
            Objects.requireNonNull(source, "source");
            if (!path.startsWith("/") || CpioEntry.normalize(path).isEmpty()) {
                throw new IllegalArgumentException("an initrd path must be absolute: " + path);
            }
            for (String part : CpioEntry.normalize(path).split("/")) {
                if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                    throw new IllegalArgumentException("an initrd path cannot hold '" + part + "': " + path);
                }
            }
        }

        String relative() {
            return CpioEntry.normalize(path);
        }
    }

    /**
     * What the rewrite found and did.
     *
     * @param members      members of the original archive(s), trailers not counted
     * @param uncompressed bytes of the original once decompressed
     * @param replaced     paths of original members the new files replace
     * @param directories  directories added above the new files
     */
    public record Result(InitrdCompression compression, long members, long uncompressed, List<String> replaced,
                         List<String> directories) {
        public Result {
            replaced = List.copyOf(replaced);
            directories = List.copyOf(directories);
        }
    }

    /**
     * Reads the initrd {@code in} and writes it to {@code out} with {@code additions}.
     *
     * @param source names the initrd in errors ("image.iso:install.img")
     */
    public static Result rewrite(InputStream in, OutputStream out, String source, List<Addition> additions, long limit)
            throws IOException, InitrdException {
        BufferedInputStream raw = new BufferedInputStream(in, 1 << 16);
        raw.mark(InitrdCompression.MAGIC_BYTES);
        byte[] head = raw.readNBytes(InitrdCompression.MAGIC_BYTES);
        raw.reset();
        InitrdCompression compression = InitrdCompression.of(head);
        if (compression == null) {
            throw new InitrdException(source + " is " + InitrdCompression.describe(head),
                    "xsbuild reads initrds that are cpio archives, uncompressed or compressed with gzip, bzip2, xz, lzma or zstd");
        }
        Map<String, Addition> adding = new LinkedHashMap<>();
        for (Addition a : additions) {
            if (adding.put(a.relative(), a) != null) {
                throw new InitrdException(a.path() + " is to be put into " + source + " twice", "give each path once");
            }
        }
        Limited decompressed = new Limited(compression.decompress(raw), limit, source);
        OutputStream compressed = compression.compress(out, InitrdCompression.xzCheck(head));
        CpioWriter writer = new CpioWriter(compressed);
        CpioReader reader = new CpioReader(decompressed, source);
        Set<String> directories = new HashSet<>();
        List<String> replaced = new ArrayList<>();
        String magic = null;
        String prefix = null;
        long maxIno = 0;
        long members = 0;
        try {
            for (CpioEntry e = reader.next(); e != null; e = reader.next()) {
                if (magic == null) {
                    magic = e.magic();
                }
                if (e.isTrailer()) {
                    continue;
                }
                members++;
                String path = e.path();
                if (prefix == null && !path.isEmpty()) {
                    prefix = e.name().startsWith("./") ? "./" : e.name().startsWith("/") ? "/" : "";
                }
                maxIno = Math.max(maxIno, e.ino());
                if (e.isDirectory()) {
                    directories.add(path);
                }
                Addition replacing = adding.get(path);
                if (replacing != null) {
                    if (e.isDirectory()) {
                        throw new InitrdException(source + " has a directory " + replacing.path() + " where a file is to go",
                                "choose another path in the initrd");
                    }
                    if (e.isFile() && e.nlink() > 1) {
                        throw new InitrdException(source + " has " + replacing.path() + " as one of " + e.nlink()
                                + " hard links, which xsbuild does not replace", "choose another path in the initrd");
                    }
                    replaced.add(replacing.path());
                    continue;
                }
                writer.header(e);
                reader.copyData(writer.stream());
                writer.endData(e.fileSize());
            }
            if (magic == null) {
                throw new InitrdException(source + " holds no cpio member", "give an initrd made with cpio -o -H newc");
            }
            List<String> added = new ArrayList<>();
            long ino = maxIno;
            for (Addition a : adding.values()) {
                String[] parts = a.relative().split("/");
                String dir = "";
                for (int i = 0; i < parts.length - 1; i++) {
                    dir = dir.isEmpty() ? parts[i] : dir + "/" + parts[i];
                    if (directories.add(dir)) {
                        writer.member(new CpioEntry(magic, ++ino, DIRECTORY_MODE, 0, 0, 2, a.mtime(), 0, 0, 0, 0, 0, 0,
                                prefix(prefix) + dir), new byte[0]);
                        added.add("/" + dir);
                    }
                }
                if (directories.contains(a.relative())) {
                    throw new InitrdException(source + " has a directory " + a.path() + " where a file is to go",
                            "choose another path in the initrd");
                }
                long size = Files.size(a.source());
                long check = magic.equals(CpioEntry.CRC) ? checksum(a.source()) : 0;
                writer.header(new CpioEntry(magic, ++ino, CpioEntry.S_IFREG | (a.permissions() & 07777), 0, 0, 1, a.mtime(),
                        size, 0, 0, 0, 0, check, prefix(prefix) + a.relative()));
                try (InputStream file = Files.newInputStream(a.source())) {
                    writer.data(file, size);
                }
            }
            writer.trailer(magic);
            compressed.close();
            return new Result(compression, members, decompressed.count, replaced, added);
        } catch (CpioFormatException e) {
            throw new InitrdException(e.getMessage(), "give an initrd made with cpio -o -H newc", e);
        }
    }

    private static String prefix(String prefix) {
        return prefix == null ? "" : prefix;
    }

    private static long checksum(Path file) throws IOException {
        long sum = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    sum += buffer[i] & 0xff;
                }
            }
        }
        return sum & 0xFFFF_FFFFL;
    }

    /** Counts what is read, and refuses to read past the limit. */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        private final String source;
        private long count;

        Limited(InputStream in, long limit, String source) {
            super(in);
            this.limit = limit;
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > limit) {
                    throw new CpioFormatException(source + " decompresses to more than " + limit + " bytes");
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(n, 64 * 1024)];
            long done = 0;
            while (done < n) {
                int got = read(buffer, 0, (int) Math.min(buffer.length, n - done));
                if (got < 0) {
                    break;
                }
                done += got;
            }
            return done;
        }
    }
}
