package io.xsbuild.repo;

import io.xsbuild.event.Events;
import io.xsbuild.io.Sizes;
import io.xsbuild.repo.write.RepodataWriter;
import io.xsbuild.repo.xml.MetadataEntries;
import io.xsbuild.rpm.BadPackageException;
import io.xsbuild.rpm.RpmPackage;
import io.xsbuild.rpm.RpmReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads packages on a pool of workers and hands their metadata to the writer in input order,
 * through a window of at most {@code window} packages in flight: memory holds that many
 * packages' metadata, never the whole repository's. Workers also render each package's XML, so
 * the writer only queues bytes.
 */
final class PackagePipeline {

    /** One package's fate. */
    private sealed interface Outcome {
    }

    private record Written(MetadataEntries entries, boolean reused, long bytesRead) implements Outcome {
    }

    private record Bad(BadPackageException problem) implements Outcome {
    }

    /** What went through the pipeline. */
    record Totals(long written, long read, long reused, long bytesRead, List<BadPackageException> bad) {
    }

    private final RpmReader reader;
    private final int workers;
    private final int window;
    private final Events events;

    PackagePipeline(RpmReader reader, int workers, Events events) {
        this.reader = reader;
        this.workers = workers;
        this.window = Math.max(16, workers * 8);
        this.events = events;
    }

    /**
     * @param reuse      published metadata to take unchanged packages from, or null
     * @param stopAtBad  stop writing at the first bad package (every package is still read, to
     *                   name every bad one)
     */
    Totals run(List<PackageFile> files, ReusableMetadata reuse, RepodataWriter writer, boolean stopAtBad)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(workers, new WorkerThreads());
        try {
            return run(files, reuse, writer, stopAtBad, pool);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading packages");
        } finally {
            pool.shutdownNow();
        }
    }

    private Totals run(List<PackageFile> files, ReusableMetadata reuse, RepodataWriter writer, boolean stopAtBad,
                       ExecutorService pool) throws IOException, InterruptedException {
        Deque<Future<Outcome>> inFlight = new ArrayDeque<>();
        List<BadPackageException> bad = new ArrayList<>();
        long read = 0;
        long reused = 0;
        long bytes = 0;
        int done = 0;
        int next = 0;
        while (done < files.size()) {
            while (next < files.size() && inFlight.size() < window) {
                PackageFile file = files.get(next++);
                RpmPackage old = reuse == null ? null : reuse.reuse(file);
                inFlight.add(pool.submit(old != null ? () -> written(old) : () -> read(file)));
            }
            Outcome outcome = await(inFlight.poll());
            done++;
            if (outcome instanceof Written w) {
                if (!(stopAtBad && !bad.isEmpty())) {
                    writer.add(w.entries());
                }
                read += w.reused() ? 0 : 1;
                reused += w.reused() ? 1 : 0;
                bytes += w.bytesRead();
            } else if (outcome instanceof Bad b) {
                bad.add(b.problem());
            }
            events.progress(new Events.Progress("Reading packages", done, files.size(), "pkg", Sizes.human(bytes)));
        }
        events.progressDone("Reading packages");
        return new Totals(read + reused, read, reused, bytes, bad);
    }

    private Outcome read(PackageFile file) {
        try (InputStream in = Files.newInputStream(file.path())) {
            RpmPackage p = reader.read(in, file.href(), file.size(), file.mtime(), null);
            return new Written(MetadataEntries.of(p), false, p.facts().size());
        } catch (BadPackageException e) {
            return new Bad(e);
        } catch (IOException e) {
            return new Bad(new BadPackageException(file.href(), "cannot be read: " + e.getMessage(), e));
        }
    }

    private static Outcome written(RpmPackage reused) {
        return new Written(MetadataEntries.of(reused), true, 0);
    }

    private static Outcome await(Future<Outcome> future) throws InterruptedException, IOException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    /** Daemon threads named after what they do. */
    private static final class WorkerThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "xsbuild-reader-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
