package io.xsbuild.repo.write;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Compression;
import io.xsbuild.io.DigestingOutputStream;
import io.xsbuild.repo.repomd.RepomdRecord;
import io.xsbuild.repo.xml.MetadataType;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One metadata file being written: entries go, in order, through a bounded queue to a thread of
 * its own that hashes them (open checksum and size), compresses them and hashes the result
 * (checksum and size), so the three files compress concurrently with each other and with the
 * reading. The file is named after its checksum once finished.
 */
final class MetadataFile {

    private static final int QUEUE = 256;
    private static final byte[] END = new byte[0];

    private final MetadataType type;
    private final Path dir;
    private final Compression compression;
    private final ChecksumType checksumType;
    private final long declaredPackages;
    private final Path partial;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread writer;
    private volatile IOException failure;
    private Streams streams;

    /** The stream chain: open bytes in, digests on both sides of the compressor. */
    private record Streams(DigestingOutputStream open, OutputStream compressor, DigestingOutputStream compressed) {
        static Streams to(Path file, Compression compression, ChecksumType checksumType) throws IOException {
            DigestingOutputStream compressed = new DigestingOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024), checksumType.newDigest());
            OutputStream compressor = compression.compress(compressed);
            return new Streams(new DigestingOutputStream(new BufferedOutputStream(compressor, 64 * 1024),
                    checksumType.newDigest()), compressor, compressed);
        }
    }

    MetadataFile(Path dir, MetadataType type, Compression compression, ChecksumType checksumType, long packages)
            throws IOException {
        this.type = type;
        this.dir = dir;
        this.compression = compression;
        this.checksumType = checksumType;
        this.declaredPackages = packages;
        this.partial = dir.resolve("." + type.repodataName() + ".xml" + compression.suffix() + ".partial");
        this.streams = Streams.to(partial, compression, checksumType);
        this.writer = new Thread(this::drain, "xsbuild-" + type.repodataName() + "-writer");
        this.writer.setDaemon(true);
        this.writer.start();
        add(header(packages));
    }

    void add(byte[] entry) throws IOException {
        IOException f = failure;
        if (f != null) {
            throw f;
        }
        try {
            queue.put(entry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing " + type.repodataName() + " metadata");
        }
    }

    /** Ends the file and names it after its checksum; {@code packages} corrects the count its header declared. */
    RepomdRecord finish(long packages) throws IOException {
        add(type.footer().getBytes(StandardCharsets.UTF_8));
        add(END);
        join();
        if (failure != null) {
            throw failure;
        }
        streams.open().close();
        if (packages != declaredPackages) {
            recount(packages);
        }
        String checksum = streams.compressed().hex();
        String name = checksum + "-" + type.repodataName() + ".xml" + compression.suffix();
        Path file = dir.resolve(name);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        long mtime = Files.getLastModifiedTime(file).to(TimeUnit.SECONDS);
        return new RepomdRecord(type.repodataName(), checksumType, checksum, streams.open().hex(),
                "repodata/" + name, mtime, streams.compressed().count(), streams.open().count());
    }

    /** Stops writing and removes what was written. */
    void abort() {
        writer.interrupt();
        join();
        try {
            streams.open().close();
        } catch (IOException ignored) {
            // the file goes anyway
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // it is in a temporary directory that goes too
        }
    }

    private void drain() {
        try {
            while (true) {
                byte[] entry = queue.take();
                if (entry == END) {
                    return;
                }
                if (failure == null) {
                    try {
                        streams.open().write(entry);
                    } catch (IOException e) {
                        failure = e;
                    }
                }
            }
        } catch (InterruptedException e) {
            failure = new InterruptedIOException("writing " + type.repodataName() + " metadata was interrupted");
        }
    }

    private void join() {
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] header(long packages) {
        return type.header(packages).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Rewrites the file with the package count it really holds (fewer than declared when bad
     * packages were left out): the header is the first line, so it is replaced as the file is
     * copied through the compressor again.
     */
    private void recount(long packages) throws IOException {
        Path recounted = dir.resolve(partial.getFileName() + ".recount");
        Streams again = Streams.to(recounted, compression, checksumType);
        try (InputStream in = compression.decompress(Files.newInputStream(partial));
             OutputStream out = again.open()) {
            in.skipNBytes(header(declaredPackages).length);
            out.write(header(packages));
            in.transferTo(out);
        }
        Files.move(recounted, partial, StandardCopyOption.REPLACE_EXISTING);
        streams = again;
    }
}
