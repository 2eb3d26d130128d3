package io.xsbuild.snapshot;

import io.xsbuild.event.Events;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.FileChecksums;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The SHA-256 of each image, for snapshot.json: the one given when it is known (a download or a
 * {@code --sha256} check computed it), else computed on a thread of its own while the packages are
 * imported. That is a second read of the image, front to back, concurrent with the import's reads
 * of its packages, and its hashing competes with theirs for the processors.
 */
final class IsoChecksums implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "xsbuild-iso-checksum");
        t.setDaemon(true);
        return t;
    });
    private final List<Future<String>> checksums = new ArrayList<>();

    private IsoChecksums(List<SnapshotIso> isos, Events events) {
        for (SnapshotIso iso : isos) {
            checksums.add(iso.sha256() != null ? CompletableFuture.completedFuture(iso.sha256())
                    : thread.submit(() -> FileChecksums.of(iso.file(), ChecksumType.SHA256, events,
                    "Checksumming " + iso.name())));
        }
    }

    static IsoChecksums start(List<SnapshotIso> isos, Events events) {
        return new IsoChecksums(isos, events);
    }

    /** The checksums, in the images' order, once all are computed. */
    List<String> await() throws IOException {
        List<String> values = new ArrayList<>();
        try {
            for (Future<String> f : checksums) {
                values.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while checksumming the images");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause);
        }
        return values;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
