package io.xsbuild.repo.repomd;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.FileChecksums;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code <data>} element of repomd.xml: a metadata file as written, compressed and open.
 *
 * @param type             "primary", "filelists", "other", "group", "group_gz"
 * @param checksumType     the type of {@code checksum} as repomd.xml names it ("sha256"), which may be
 *                         one xsbuild does not write ("md5", "sha384"): see {@link #knownChecksumType}
 * @param openChecksumType the type of {@code openChecksum}, or null when there is none
 * @param openChecksum     the checksum of the uncompressed content, or null for a file stored
 *                         uncompressed (a "group" record), which has neither open-checksum nor open-size
 * @param href             relative to the repository ("repodata/...-primary.xml.gz")
 * @param timestamp        the file's modification time, seconds since the epoch
 */
public record RepomdRecord(String type, String checksumType, String checksum, String openChecksumType,
                           String openChecksum, String href, long timestamp, long size, long openSize) {
    public RepomdRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(checksumType, "checksumType");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(href, "href");
    }

    /** A record of a file xsbuild wrote: both checksums of {@code checksumType}. */
    public RepomdRecord(String type, ChecksumType checksumType, String checksum, String openChecksum, String href,
                        long timestamp, long size, long openSize) {
        this(type, checksumType.repodataName(), checksum, openChecksum == null ? null : checksumType.repodataName(),
                openChecksum, href, timestamp, size, openSize);
    }

    /** Whether the file is compressed: its record then gives the open checksum and size too. */
    public boolean compressed() {
        return openChecksum != null;
    }

    /** The checksum type, if it is one xsbuild writes (and so can compare with what it would write). */
    public Optional<ChecksumType> knownChecksumType() {
        return Optional.ofNullable(ChecksumType.byName(checksumType));
    }

    /**
     * Whether the file at this record's href under {@code repoDir} is the one it describes: its
     * checksum, of a type xsbuild knows, is the record's.
     */
    public boolean describes(Path repoDir) throws IOException {
        Optional<ChecksumType> type = knownChecksumType();
        return type.isPresent() && FileChecksums.of(repoDir.resolve(href), type.get()).equalsIgnoreCase(checksum);
    }

    /** The file's name within repodata/. */
    public String fileName() {
        return href.substring(href.lastIndexOf('/') + 1);
    }
}
