package io.xsbuild.io;

import io.xsbuild.event.ByteProgress;
import io.xsbuild.event.Events;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Checksums of whole files (an ISO image, a built package), read front to back in large blocks. */
public final class FileChecksums {

    private static final int BLOCK = 1 << 18;

    private FileChecksums() {
    }

    /** The checksum of {@code file} in lower-case hex. */
    public static String of(Path file, ChecksumType type) throws IOException {
        return of(file, type, Events.NONE, null);
    }

    /**
     * The checksum of {@code file} in lower-case hex, reported as byte progress of {@code task}
     * (nothing reported when it is null). An interrupt stops the reading.
     */
    public static String of(Path file, ChecksumType type, Events events, String task) throws IOException {
        MessageDigest digest = type.newDigest();
        ByteProgress progress = task == null ? null : new ByteProgress(events, task, Files.size(file));
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BLOCK];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("interrupted while reading " + file);
                }
                digest.update(buffer, 0, n);
                if (progress != null) {
                    progress.add(n);
                }
            }
        } finally {
            if (progress != null) {
                progress.done();
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
