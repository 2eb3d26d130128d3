package io.xsbuild.repo.write;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Compression;
import io.xsbuild.repo.repomd.RepomdRecord;
import io.xsbuild.repo.xml.MetadataBlock;
import io.xsbuild.repo.xml.MetadataEntries;
import io.xsbuild.repo.xml.MetadataType;
import io.xsbuild.repo.xml.PackageStamp;
import io.xsbuild.repo.xml.PublishedBlocks;
import io.xsbuild.rpm.RpmPackage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes primary, filelists and other metadata for packages given in the order they are to appear
 * (createrepo_c's order is {@link io.xsbuild.repo.PackageOrder}), into a directory that becomes
 * {@code repodata/}. Each file compresses on its own thread; {@link #finish()} returns their
 * repomd.xml records, computed from the bytes written. Gzip metadata is cut into
 * {@link MetadataBlock}s, the same in all three files; a published block given whole
 * ({@link #add(PublishedBlocks.Block)}) where a block starts is copied, not compressed again.
 * Closing an unfinished writer removes what it wrote.
 */
public final class RepodataWriter implements AutoCloseable {

    private final Map<MetadataType, MetadataFile> files = new EnumMap<>(MetadataType.class);
    private final boolean blocks;
    private final List<PackageStamp> stamps = new ArrayList<>();
    private boolean lastCopied;
    private long added;
    private long copied;
    private boolean finished;

    /** @param expectedPackages the count the files' headers declare; a different final count costs a rewrite */
    public RepodataWriter(Path dir, Compression compression, ChecksumType checksumType, long expectedPackages)
            throws IOException {
        this.blocks = compression == Compression.GZ;
        try {
            for (MetadataType type : MetadataType.values()) {
                files.put(type, new MetadataFile(dir, type, compression, checksumType, expectedPackages));
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    public void add(RpmPackage p) throws IOException {
        add(MetadataEntries.of(p));
    }

    public void add(MetadataEntries entries) throws IOException {
        if (lastCopied) {
            throw new IllegalStateException("a package after the last block");
        }
        for (MetadataType type : MetadataType.values()) {
            files.get(type).add(entries.of(type));
        }
        added++;
        if (blocks) {
            stamps.add(entries.stamp());
            if (MetadataBlock.endsBlock(entries.primary())) {
                endBlock(MetadataBlock.Kind.ENDED_BY_PACKAGE);
            } else if (stamps.size() >= MetadataBlock.MAX_PACKAGES) {
                endBlock(MetadataBlock.Kind.FULL);
            }
        }
    }

    /**
     * Adds a published block's packages: its members copied as they are when a block starts here
     * (the block then ends where it ended before, as it would if its packages were added one by
     * one), else its entries one by one. A block that was the last is copied only as the last.
     */
    public void add(PublishedBlocks.Block block) throws IOException {
        if (!blocks || !stamps.isEmpty() || lastCopied) {
            for (MetadataEntries e : block.entries()) {
                add(e);
            }
            return;
        }
        for (MetadataType type : MetadataType.values()) {
            files.get(type).copy(block.file(type), block.member(type));
        }
        added += block.packages();
        copied += block.packages();
        lastCopied = block.kind() == MetadataBlock.Kind.LAST;
    }

    public long added() {
        return added;
    }

    /** How many of the packages added came in published blocks copied as they were. */
    public long copied() {
        return copied;
    }

    private void endBlock(MetadataBlock.Kind kind) throws IOException {
        MetadataBlock primary = MetadataBlock.of(kind, stamps);
        MetadataBlock other = MetadataBlock.of(kind, stamps.size());
        for (MetadataType type : MetadataType.values()) {
            files.get(type).endBlock(type == MetadataType.PRIMARY ? primary : other);
        }
        stamps.clear();
    }

    /** Ends the three files and returns their records, in the order repomd.xml lists them. */
    public List<RepomdRecord> finish() throws IOException {
        if (blocks && !stamps.isEmpty()) {
            endBlock(MetadataBlock.Kind.LAST);
        }
        List<RepomdRecord> records = new ArrayList<>();
        for (MetadataType type : MetadataType.values()) {
            records.add(files.get(type).finish(added));
        }
        finished = true;
        return records;
    }

    @Override
    public void close() {
        if (!finished) {
            files.values().forEach(MetadataFile::abort);
        }
    }
}
