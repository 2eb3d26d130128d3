package io.xsbuild.repo.write;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Compression;
import io.xsbuild.io.DigestingOutputStream;
import io.xsbuild.io.GzipMembers;
import io.xsbuild.repo.repomd.RepomdRecord;
import io.xsbuild.repo.xml.MetadataBlock;
import io.xsbuild.repo.xml.MetadataType;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.Inflater;

/**
 * One metadata file being written: entries go, in order, through a bounded queue to a thread of
 * its own that hashes them (open checksum and size), compresses them and hashes the result
 * (checksum and size), so the three files compress concurrently with each other and with the
 * reading. The file is named after its checksum once finished.
 *
 * <p>Gzip files are written in blocks ({@link MetadataBlock}), each a gzip member of its own; a
 * block published before and unchanged is copied from the published file as it is (and inflated
 * only to be hashed), not compressed again. Other compressions write one stream.
 */
final class MetadataFile {

    private static final int QUEUE = 256;
    private static final Object END = new Object();

    /** Ends the block the entries since the last end make, with this header payload. */
    private record EndBlock(byte[] payload) {
    }

    /** A published block to write as it is, at a block's start. */
    private record CopyBlock(ByteBuffer file, GzipMembers.Member member) {
    }

    private final MetadataType type;
    private final Path dir;
    private final Compression compression;
    private final ChecksumType checksumType;
    private final long declaredPackages;
    private final Path partial;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread writer;
    private volatile IOException failure;
    private Sink sink;

    MetadataFile(Path dir, MetadataType type, Compression compression, ChecksumType checksumType, long packages)
            throws IOException {
        this.type = type;
        this.dir = dir;
        this.compression = compression;
        this.checksumType = checksumType;
        this.declaredPackages = packages;
        this.partial = dir.resolve("." + type.repodataName() + ".xml" + compression.suffix() + ".partial");
        this.sink = Sink.to(partial, compression, checksumType);
        this.writer = new Thread(this::drain, "xsbuild-" + type.repodataName() + "-writer");
        this.writer.setDaemon(true);
        this.writer.start();
        add(header(packages));
        endBlock(MetadataBlock.of(MetadataBlock.Kind.HEAD, packages));
    }

    /** Whether this file is written in blocks that a later run may copy. */
    boolean blocks() {
        return compression == Compression.GZ;
    }

    void add(byte[] entry) throws IOException {
        put(entry);
    }

    /** Ends the current block (ignored unless {@link #blocks}). */
    void endBlock(MetadataBlock block) throws IOException {
        if (blocks()) {
            put(new EndBlock(block.payload()));
        }
    }

    /** Writes {@code member} of the published {@code file} as it is; at a block's start only. */
    void copy(ByteBuffer file, GzipMembers.Member member) throws IOException {
        if (!blocks()) {
            throw new IllegalStateException(compression + " metadata is not written in blocks");
        }
        put(new CopyBlock(file, member));
    }

    private void put(Object item) throws IOException {
        IOException f = failure;
        if (f != null) {
            throw f;
        }
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing " + type.repodataName() + " metadata");
        }
    }

    /** Ends the file and names it after its checksum; {@code packages} corrects the count its header declared. */
    RepomdRecord finish(long packages) throws IOException {
        add(type.footer().getBytes(StandardCharsets.UTF_8));
        endBlock(MetadataBlock.of(MetadataBlock.Kind.FOOT, 0));
        put(END);
        join();
        if (failure != null) {
            throw failure;
        }
        sink.close();
        if (packages != declaredPackages) {
            recount(packages);
        }
        String checksum = sink.checksum();
        String name = checksum + "-" + type.repodataName() + ".xml" + compression.suffix();
        Path file = dir.resolve(name);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        long mtime = Files.getLastModifiedTime(file).to(TimeUnit.SECONDS);
        return new RepomdRecord(type.repodataName(), checksumType, checksum, sink.openChecksum(),
                "repodata/" + name, mtime, sink.size(), sink.openSize());
    }

    /** Stops writing and removes what was written. */
    void abort() {
        writer.interrupt();
        join();
        try {
            sink.close();
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
                Object item = queue.take();
                if (item == END) {
                    return;
                }
                if (failure == null) {
                    try {
                        if (item instanceof byte[] entry) {
                            sink.write(entry);
                        } else if (item instanceof EndBlock end) {
                            sink.endBlock(end.payload());
                        } else {
                            CopyBlock copy = (CopyBlock) item;
                            sink.copy(copy.file(), copy.member());
                        }
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
     * packages were left out): the header is the first line (in blocks, the first block), so it
     * is replaced and the rest copied.
     */
    private void recount(long packages) throws IOException {
        Path recounted = dir.resolve(partial.getFileName() + ".recount");
        Sink again = Sink.to(recounted, compression, checksumType);
        try {
            again.write(header(packages));
            if (blocks()) {
                again.endBlock(MetadataBlock.of(MetadataBlock.Kind.HEAD, packages).payload());
                try (FileChannel channel = FileChannel.open(partial)) {
                    ByteBuffer file = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
                    List<GzipMembers.Member> members = GzipMembers.members(file);
                    if (members == null) {
                        throw new IOException("the metadata just written is not in blocks");
                    }
                    for (GzipMembers.Member m : members.subList(1, members.size())) {
                        again.copy(file, m);
                    }
                }
            } else {
                try (InputStream in = compression.decompress(Files.newInputStream(partial))) {
                    in.skipNBytes(header(declaredPackages).length);
                    byte[] buf = new byte[64 * 1024];
                    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                        again.write(Arrays.copyOf(buf, n));
                    }
                }
            }
        } finally {
            again.close();
        }
        Files.move(recounted, partial, StandardCopyOption.REPLACE_EXISTING);
        sink = again;
    }

    /** Where the bytes go: open bytes in, digests on both sides of the compressor. */
    private abstract static class Sink {
        final DigestingOutputStream compressed;
        final MessageDigest open;
        long openSize;
        private String checksum;
        private String openChecksum;

        Sink(DigestingOutputStream compressed, MessageDigest open) {
            this.compressed = compressed;
            this.open = open;
        }

        static Sink to(Path file, Compression compression, ChecksumType checksumType) throws IOException {
            DigestingOutputStream compressed = new DigestingOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024), checksumType.newDigest());
            return compression == Compression.GZ ? new Blocks(compressed, checksumType.newDigest())
                    : new Stream(compressed, checksumType.newDigest(), compression);
        }

        abstract void write(byte[] bytes) throws IOException;

        void endBlock(byte[] payload) throws IOException {
        }

        void copy(ByteBuffer file, GzipMembers.Member member) throws IOException {
            throw new IllegalStateException("not written in blocks");
        }

        /** Finishes the compressed file; the checksums are then known. Idempotent. */
        void close() throws IOException {
            if (checksum == null) {
                closeCompressed();
                checksum = compressed.hex();
                openChecksum = HexFormat.of().formatHex(open.digest());
            }
        }

        abstract void closeCompressed() throws IOException;

        String checksum() {
            return checksum;
        }

        String openChecksum() {
            return openChecksum;
        }

        long size() {
            return compressed.count();
        }

        long openSize() {
            return openSize;
        }
    }

    /** One compressed stream. */
    private static final class Stream extends Sink {
        private final OutputStream compressor;

        Stream(DigestingOutputStream compressed, MessageDigest open, Compression compression) throws IOException {
            super(compressed, open);
            this.compressor = new BufferedOutputStream(compression.compress(compressed), 64 * 1024);
        }

        @Override
        void write(byte[] bytes) throws IOException {
            compressor.write(bytes);
            open.update(bytes);
            openSize += bytes.length;
        }

        @Override
        void closeCompressed() throws IOException {
            compressor.close();
        }
    }

    /** Gzip members, a block each. */
    private static final class Blocks extends Sink {
        private final GzipMembers.Writer members = new GzipMembers.Writer();
        private Inflater inflater;
        private byte[] block = new byte[256 * 1024];
        private int length;

        Blocks(DigestingOutputStream compressed, MessageDigest open) {
            super(compressed, open);
        }

        @Override
        void write(byte[] bytes) {
            if (length + bytes.length > block.length) {
                block = Arrays.copyOf(block, Math.max(block.length * 2, length + bytes.length));
            }
            System.arraycopy(bytes, 0, block, length, bytes.length);
            length += bytes.length;
            open.update(bytes);
            openSize += bytes.length;
        }

        @Override
        void endBlock(byte[] payload) throws IOException {
            members.write(compressed, block, length, payload);
            length = 0;
        }

        @Override
        void copy(ByteBuffer file, GzipMembers.Member member) throws IOException {
            if (length != 0) {
                throw new IllegalStateException("a published block copied into a block begun");
            }
            if (inflater == null) {
                inflater = new Inflater(true);
            }
            byte[] bytes = GzipMembers.inflate(file, member, inflater);
            open.update(bytes);
            openSize += bytes.length;
            compressed.write(GzipMembers.bytes(file, member));
        }

        @Override
        void closeCompressed() throws IOException {
            members.close();
            if (inflater != null) {
                inflater.end();
            }
            compressed.close();
        }
    }
}
