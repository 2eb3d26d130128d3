package io.xsbuild.repo.write;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Compression;
import io.xsbuild.repo.repomd.RepomdRecord;
import io.xsbuild.repo.xml.MetadataEntries;
import io.xsbuild.repo.xml.MetadataType;
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
 * repomd.xml records, computed from the bytes written. Closing an unfinished writer removes what
 * it wrote.
 */
public final class RepodataWriter implements AutoCloseable {

    private final Map<MetadataType, MetadataFile> files = new EnumMap<>(MetadataType.class);
    private long added;
    private boolean finished;

    /** @param expectedPackages the count the files' headers declare; a different final count costs a rewrite */
    public RepodataWriter(Path dir, Compression compression, ChecksumType checksumType, long expectedPackages)
            throws IOException {
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
        for (MetadataType type : MetadataType.values()) {
            files.get(type).add(entries.of(type));
        }
        added++;
    }

    public long added() {
        return added;
    }

    /** Ends the three files and returns their records, in the order repomd.xml lists them. */
    public List<RepomdRecord> finish() throws IOException {
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
