package io.xsbuild.repo.repomd;

import io.xsbuild.io.ChecksumType;

import java.util.Objects;

/**
 * One {@code <data>} element of repomd.xml: a metadata file as written, compressed and open.
 *
 * @param type         "primary", "filelists", "other", "group", "group_gz"
 * @param openChecksum the checksum of the uncompressed content, or null for a file stored
 *                     uncompressed (a "group" record), which has neither open-checksum nor open-size
 * @param href         relative to the repository ("repodata/...-primary.xml.gz")
 * @param timestamp    the file's modification time, seconds since the epoch
 */
public record RepomdRecord(String type, ChecksumType checksumType, String checksum, String openChecksum,
                           String href, long timestamp, long size, long openSize) {
    public RepomdRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(checksumType, "checksumType");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(href, "href");
    }

    /** Whether the file is compressed: its record then gives the open checksum and size too. */
    public boolean compressed() {
        return openChecksum != null;
    }

    /** The file's name within repodata/. */
    public String fileName() {
        return href.substring(href.lastIndexOf('/') + 1);
    }
}
