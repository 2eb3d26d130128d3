package io.xsbuild.repo;

import io.xsbuild.event.Events;
import io.xsbuild.io.Sizes;
import io.xsbuild.repo.write.RepodataWriter;
import io.xsbuild.repo.xml.MetadataEntries;
import io.xsbuild.repo.xml.PublishedBlocks;
import io.xsbuild.rpm.BadPackageException;
import io.xsbuild.rpm.RpmPackage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Gets packages on a pool of workers and hands their metadata to the writer in input order,
 * through a window of at most {@code window} packages in flight: memory holds that many
 * packages' metadata, never the whole repository's. Jobs may be started in an order of their own
 * (the order in which an image's read hands over its packages): a package had before those
 * listed ahead of it then waits for them as metadata, so memory holds what the two orders' gap
 * needs. Workers also render each package's XML (unless it comes as published entries), so the
 * writer only queues bytes. What getting a package means (reading a file, copying it out of an
 * ISO image, taking it from published metadata) is the caller's {@link Job}.
 */
public final class PackagePipeline {

    /** How one package is had; runs on a worker. */
    @FunctionalInterface
    public interface Job {
        /**
         * @return the package to write, or null to leave it out (a filter said so)
         * @throws BadPackageException when the package cannot be used: the run goes on without it
         * @throws IOException         when the run cannot go on (its output cannot be written)
         */
        Fetched run() throws BadPackageException, IOException;
    }

    /**
     * A package to write: its record, or its entries as they were published (then {@code pkg} is
     * null), or a published block of packages (then both are null); whether it was read
     * ({@code bytesRead} bytes) or reused unread.
     */
    public record Fetched(RpmPackage pkg, MetadataEntries entries, PublishedBlocks.Block block, boolean reused,
                          long bytesRead) {
        public static Fetched read(RpmPackage p) {
            return new Fetched(p, null, null, false, p.facts().size());
        }

        public static Fetched reused(RpmPackage p) {
            return new Fetched(p, null, null, true, 0);
        }

        /** A package reused as it was published, its entries written again byte for byte. */
        public static Fetched asPublished(MetadataEntries entries) {
            return new Fetched(null, entries, null, true, 0);
        }

        /** A block of packages reused as it was published, copied where it can be. */
        public static Fetched asPublished(PublishedBlocks.Block block) {
            return new Fetched(null, null, block, true, 0);
        }
    }

    /** What went through the pipeline; {@code leftOut} packages were left out by their jobs. */
    public record Totals(long written, long read, long reused, long leftOut, long bytesRead,
                         List<BadPackageException> bad) {
        public Totals {
            bad = List.copyOf(bad);
        }
    }

    /** One package's fate. */
    private sealed interface Outcome {
    }

    private record Written(MetadataEntries entries, PublishedBlocks.Block block, boolean reused, long bytesRead)
            implements Outcome {
        int packages() {
            return block == null ? 1 : block.packages();
        }
    }

    private record Bad(BadPackageException problem) implements Outcome {
    }

    private record LeftOut() implements Outcome {
    }

    private final int workers;
    private final int window;
    private final Events events;

    public PackagePipeline(int workers, Events events) {
        this.workers = workers;
        this.window = Math.max(16, workers * 8);
        this.events = events;
    }

    /**
     * @param plan      gives each item's job; called in input order on the calling thread, so it
     *                  may walk something in step with the items (published metadata)
     * @param stopAtBad stop writing at the first bad package (every package is still had, to name
     *                  every bad one)
     */
    public <T> Totals run(List<T> items, Function<T, Job> plan, RepodataWriter writer, boolean stopAtBad)
            throws IOException {
        return run(items, item -> 1, plan, writer, stopAtBad);
    }

    /**
     * As {@link #run(List, Function, RepodataWriter, boolean)}, for items that may each be several
     * packages ({@code packagesOf} says how many: a published block is).
     */
    public <T> Totals run(List<T> items, ToIntFunction<T> packagesOf, Function<T, Job> plan, RepodataWriter writer,
                          boolean stopAtBad) throws IOException {
        int[] inputOrder = new int[items.size()];
        for (int i = 0; i < inputOrder.length; i++) {
            inputOrder[i] = i;
        }
        long total = 0;
        for (T item : items) {
            total += packagesOf.applyAsInt(item);
        }
        return run(items, plan, inputOrder, writer, stopAtBad, total);
    }

    /**
     * As {@link #run(List, Function, RepodataWriter, boolean)}, but jobs start in {@code startOrder}
     * (indexes into {@code items}; all of them, each once) while packages are still written in input
     * order: packages whose bytes come in an order of their own (an image read front to back) are
     * had in that order. A package had before those listed ahead of it waits, as metadata, for them;
     * {@code plan} is called in start order.
     */
    public <T> Totals run(List<T> items, Function<T, Job> plan, int[] startOrder, RepodataWriter writer,
                          boolean stopAtBad) throws IOException {
        return run(items, plan, startOrder, writer, stopAtBad, items.size());
    }

    private <T> Totals run(List<T> items, Function<T, Job> plan, int[] startOrder, RepodataWriter writer,
                           boolean stopAtBad, long totalPackages) throws IOException {
        if (startOrder.length != items.size()) {
            throw new IllegalArgumentException(startOrder.length + " starts for " + items.size() + " items");
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, new WorkerThreads());
        try {
            return run(items, plan, startOrder, writer, stopAtBad, totalPackages, pool);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading packages");
        } finally {
            pool.shutdownNow();
        }
    }

    private <T> Totals run(List<T> items, Function<T, Job> plan, int[] startOrder, RepodataWriter writer,
                           boolean stopAtBad, long totalPackages, ExecutorService pool) throws IOException, InterruptedException {
        CompletionService<Indexed> completions = new ExecutorCompletionService<>(pool);
        Outcome[] outcomes = new Outcome[items.size()];
        boolean[] submitted = new boolean[items.size()];
        List<BadPackageException> bad = new ArrayList<>();
        long read = 0;
        long reused = 0;
        long leftOut = 0;
        long bytes = 0;
        long packages = 0;
        int written = 0;
        int started = 0;
        int running = 0;
        while (written < items.size()) {
            // at most a window of packages between the next to write and the last started, unless
            // the next to write has yet to start: then all the packages before it are had first
            while (started < items.size() && running < window
                    && (started - written < window || !submitted[written])) {
                int index = startOrder[started++];
                submitted[index] = true;
                Job job = plan.apply(items.get(index));
                completions.submit(() -> new Indexed(index, outcome(job)));
                running++;
            }
            Indexed done = await(completions.take());
            running--;
            outcomes[done.index()] = done.outcome();
            for (; written < items.size() && outcomes[written] != null; written++) {
                Outcome outcome = outcomes[written];
                outcomes[written] = null;
                if (outcome instanceof Written w) {
                    if (!(stopAtBad && !bad.isEmpty())) {
                        if (w.block() != null) {
                            writer.add(w.block());
                        } else {
                            writer.add(w.entries());
                        }
                    }
                    read += w.reused() ? 0 : w.packages();
                    reused += w.reused() ? w.packages() : 0;
                    bytes += w.bytesRead();
                    packages += w.packages() - 1;
                } else if (outcome instanceof Bad b) {
                    bad.add(b.problem());
                } else {
                    leftOut++;
                }
                packages++;
                events.progress(new Events.Progress("Reading packages", packages, totalPackages, "pkg",
                        Sizes.human(bytes)));
            }
        }
        events.progressDone("Reading packages");
        return new Totals(read + reused, read, reused, leftOut, bytes, bad);
    }

    /** A package's fate and its place in the input. */
    private record Indexed(int index, Outcome outcome) {
    }

    private static Outcome outcome(Job job) throws IOException {
        try {
            Fetched f = job.run();
            if (f == null) {
                return new LeftOut();
            }
            if (f.block() != null) {
                return new Written(null, f.block(), f.reused(), f.bytesRead());
            }
            return new Written(f.entries() != null ? f.entries() : MetadataEntries.of(f.pkg()), null, f.reused(),
                    f.bytesRead());
        } catch (BadPackageException e) {
            return new Bad(e);
        }
    }

    private static <T> T await(Future<T> future) throws InterruptedException, IOException {
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
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        }
    }

    /** Daemon threads named after what they do. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "xsbuild-reader-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
