package io.xsbuild.rpm;

import io.xsbuild.io.ChecksumType;

import java.util.Objects;

/**
 * What reading the package file adds to its header: the checksum of the whole file (the pkgid),
 * its size and modification time (seconds), and where the main header lies in it.
 */
public record FileFacts(ChecksumType checksumType, String checksum, long size, long mtime,
                        long headerStart, long headerEnd) {
    public FileFacts {
        Objects.requireNonNull(checksumType, "checksumType");
        Objects.requireNonNull(checksum, "checksum");
    }
}
