package io.xsbuild.fetch;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.AtomicFiles;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * One URL's place in the download cache: {@code CACHE/<hash of the URL>/NAME} once complete and
 * verified, {@code NAME.part} while it downloads, and beside each a {@code .meta} file (the URL,
 * the size, the server's validators, and for a complete file its SHA-256). A file without its
 * {@code .meta} is not complete and is never used.
 */
final class CacheEntry {

    /**
     * What is known of a download.
     *
     * @param sha256       the verified digest of a complete file; null for a part
     * @param etag         the server's ETag, or null
     * @param lastModified the server's Last-Modified, or null
     */
    record Meta(String url, long size, String sha256, String etag, String lastModified) {

        /** The validator an If-Range header can carry, or null. */
        String validator() {
            return etag != null ? etag : lastModified;
        }
    }

    private final URI uri;
    private final Path dir;
    private final String name;

    private CacheEntry(URI uri, Path dir, String name) {
        this.uri = uri;
        this.dir = dir;
        this.name = name;
    }

    static CacheEntry of(Path cacheDir, URI uri) {
        byte[] hash = ChecksumType.SHA256.newDigest().digest(uri.toString().getBytes(StandardCharsets.UTF_8));
        return new CacheEntry(uri, cacheDir.resolve(HexFormat.of().formatHex(hash, 0, 8)), fileName(uri));
    }

    /** The last segment of the URL's path, reduced to characters safe in a file name. */
    static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._+-]", "_");
        return last.isEmpty() || last.chars().allMatch(c -> c == '.') ? "download.iso" : last;
    }

    String name() {
        return name;
    }

    Path file() {
        return dir.resolve(name);
    }

    Path part() {
        return dir.resolve(name + ".part");
    }

    /** Holds other xsbuild processes off this entry until closed. */
    Lock lock() throws IOException {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            channel.lock();
            return new Lock(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A held lock on an entry; closing its channel releases it. */
    record Lock(FileChannel channel) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** The complete file's record, when the file is there whole. */
    Optional<Meta> completed() throws IOException {
        Optional<Meta> meta = read(metaOf(file()));
        if (meta.isPresent() && meta.get().sha256() != null && Files.isRegularFile(file()) && Files.size(file()) == meta.get().size()) {
            return meta;
        }
        return Optional.empty();
    }

    /** The record of a partial download, with the bytes it holds so far. */
    Optional<Meta> partial() throws IOException {
        Optional<Meta> meta = read(metaOf(part()));
        if (meta.isEmpty() || !Files.isRegularFile(part())) {
            return Optional.empty();
        }
        Meta m = meta.get();
        return Optional.of(new Meta(m.url(), Files.size(part()), null, m.etag(), m.lastModified()));
    }

    /** Starts a download from nothing: the complete file's record goes first, so it is no longer trusted. */
    void start(Meta validators) throws IOException {
        Files.deleteIfExists(metaOf(file()));
        Files.deleteIfExists(part());
        write(metaOf(part()), validators);
    }

    void discard() throws IOException {
        Files.deleteIfExists(part());
        Files.deleteIfExists(metaOf(part()));
    }

    /** Gives the verified part its final name, then records it as complete. */
    void complete(Meta meta) throws IOException {
        Files.deleteIfExists(metaOf(file()));
        AtomicFiles.move(part(), file());
        write(metaOf(file()), meta);
        Files.deleteIfExists(metaOf(part()));
    }

    private static Path metaOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".meta");
    }

    private Optional<Meta> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        if (!uri.toString().equals(p.getProperty("url"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Meta(p.getProperty("url"), Long.parseLong(p.getProperty("size", "-1")),
                    p.getProperty("sha256"), p.getProperty("etag"), p.getProperty("last-modified")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void write(Path file, Meta meta) throws IOException {
        Properties p = new Properties();
        p.setProperty("url", meta.url());
        p.setProperty("size", Long.toString(meta.size()));
        put(p, "sha256", meta.sha256());
        put(p, "etag", meta.etag());
        put(p, "last-modified", meta.lastModified());
        StringWriter text = new StringWriter();
        p.store(text, null);
        AtomicFiles.writeString(file, text.toString());
    }

    private static void put(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }
}
