package io.xsbuild.iso;

import io.xsbuild.event.ByteProgress;
import io.xsbuild.event.Events;
import io.xsbuild.io.ChecksumType;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One read of an image, front to back in large blocks, on a thread of its own: each block is
 * added to the image's SHA-256 (when asked) and handed, slice by slice, to the streams of the
 * files it holds, so that those files are read as the pass goes by, by other threads.
 *
 * <p>The files' streams must be read in {@link #order()} (a stream may be read while the next
 * ones are, but none may wait for a later one): the pass fills them in that order, at most
 * {@link #BUDGET} bytes ahead of their readers. A stream closed before its end is not fed any
 * more. A file whose extents do not lie in ascending order, one after the other without another
 * file's content between them, is not fed by the pass: {@link #open} reads it on its own
 * (positional reads of its extents), as {@link IsoImage#open} does.
 *
 * <p>Without a checksum to compute, only the files' extents are read. Closing the scan stops the pass.
 */
public final class ImageScan implements AutoCloseable {

    /** How many bytes the pass reads at once. */
    static final int BLOCK = 1 << 20;
    /** How far, in bytes handed over but not yet read, the pass may run ahead of the files' readers. */
    static final int BUDGET = 32 << 20;

    private final IsoImage image;
    private final ImageChannel channel;
    private final boolean checksum;
    private final Events events;
    private final List<IsoEntry> order;
    private final Map<IsoEntry, Pipe> pipes = new IdentityHashMap<>();
    private final Semaphore budget = new Semaphore(BUDGET);
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final Thread thread;

    private ImageScan(IsoImage image, ImageChannel channel, List<IsoEntry> files, boolean checksum, Events events) {
        // a channel of its own: stopping the pass interrupts its thread, which closes the channel it reads
        this.image = image;
        this.channel = channel;
        this.checksum = checksum;
        this.events = events;
        List<IsoEntry> sorted = new ArrayList<>();
        for (IsoEntry f : files) {
            if (!f.extents().isEmpty()) {
                sorted.add(f);
            }
        }
        sorted.sort(Comparator.comparingLong(f -> f.extents().get(0).offset()));
        List<IsoEntry> fed = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            IsoEntry f = sorted.get(i);
            long next = i + 1 < sorted.size() ? sorted.get(i + 1).extents().get(0).offset() : Long.MAX_VALUE;
            if (ascending(f) && end(f) <= next) {
                fed.add(f);
                pipes.put(f, new Pipe(f));
            }
        }
        this.order = List.copyOf(fed);
        this.thread = new Thread(this::pass, "xsbuild-image-reader");
        this.thread.setDaemon(true);
    }

    /**
     * Starts the pass over {@code image}, feeding {@code files} (regular files of the image).
     *
     * @param checksum whether to read the whole image for its SHA-256 ({@link #sha256()}), reported
     *                 to {@code events} as byte progress ("Reading binpkg.iso")
     */
    public static ImageScan start(IsoImage image, List<IsoEntry> files, boolean checksum, Events events)
            throws IsoReadException {
        ImageScan scan = new ImageScan(image, ImageChannel.open(image.path()), files, checksum, events);
        scan.thread.start();
        return scan;
    }

    /** The files the pass feeds, in the order their streams are to be read; the others are read on their own. */
    public List<IsoEntry> order() {
        return order;
    }

    /**
     * The content of {@code file} (the very entry the scan was given): fed by the pass when it is in
     * {@link #order()}, else read on its own. Each file fed by the pass may be opened once.
     */
    public InputStream open(IsoEntry file) {
        Pipe pipe = pipes.get(file);
        if (pipe == null) {
            return image.open(file);
        }
        if (!pipe.opened.compareAndSet(false, true)) {
            throw new IllegalStateException(file.path() + " is opened a second time");
        }
        return pipe;
    }

    /** The SHA-256 of the whole image file in lower-case hex, once the pass is over; null when none was asked for. */
    public String sha256() throws IOException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + channel.iso());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Pipe pipe : pipes.values()) {
            pipe.fail(new InterruptedIOException("the read of " + channel.iso() + " was stopped"));
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // read-only
        }
    }

    private static boolean ascending(IsoEntry f) {
        List<Extent> extents = f.extents();
        for (int i = 1; i < extents.size(); i++) {
            Extent before = extents.get(i - 1);
            if (extents.get(i).offset() < before.offset() + before.length()) {
                return false;
            }
        }
        return true;
    }

    private static long end(IsoEntry f) {
        Extent last = f.extents().get(f.extents().size() - 1);
        return last.offset() + last.length();
    }

    /** The pass: reads, hashes and hands out blocks until the end of the image (or of the last file). */
    private void pass() {
        try {
            MessageDigest digest = checksum ? ChecksumType.SHA256.newDigest() : null;
            ByteProgress progress = checksum ? new ByteProgress(events, "Reading " + channel.iso().getFileName(),
                    channel.size()) : null;
            List<Piece> pieces = pieces();
            int next = 0;
            long size = channel.size();
            long position = checksum || pieces.isEmpty() ? 0 : pieces.get(0).start();
            long end = checksum ? size : pieces.isEmpty() ? 0 : pieces.get(pieces.size() - 1).end();
            while (position < end) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("interrupted");
                }
                if (!checksum && next < pieces.size() && position < pieces.get(next).start()) {
                    position = pieces.get(next).start();
                }
                int length = (int) Math.min(BLOCK, end - position);
                byte[] block = new byte[length];
                readFully(position, block);
                if (digest != null) {
                    digest.update(block, 0, length);
                    progress.add(length);
                }
                long blockEnd = position + length;
                while (next < pieces.size() && pieces.get(next).start() < blockEnd) {
                    Piece piece = pieces.get(next);
                    long from = Math.max(piece.start(), position);
                    long to = Math.min(piece.end(), blockEnd);
                    piece.pipe().feed(block, (int) (from - position), (int) (to - from));
                    if (piece.end() > blockEnd) {
                        break;
                    }
                    if (piece.last()) {
                        piece.pipe().end();
                    }
                    next++;
                }
                position = blockEnd;
            }
            for (; next < pieces.size(); next++) {
                pieces.get(next).pipe().fail(new IOException("ISO " + channel.iso() + " ends before "
                        + pieces.get(next).pipe().file.path() + " does: the image is truncated"));
            }
            if (progress != null) {
                progress.done();
            }
            result.complete(digest == null ? null : HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | RuntimeException e) {
            IOException failure = e instanceof IOException io ? io
                    : new IOException("reading " + channel.iso() + " failed: " + e, e);
            pipes.values().forEach(p -> p.fail(failure));
            result.completeExceptionally(failure);
        } catch (InterruptedException e) {
            InterruptedIOException stopped = new InterruptedIOException("the read of " + channel.iso() + " was stopped");
            pipes.values().forEach(p -> p.fail(stopped));
            result.completeExceptionally(stopped);
        }
    }

    /** One extent of a fed file, in image order. */
    private record Piece(long start, long end, Pipe pipe, boolean last) {
    }

    private List<Piece> pieces() {
        List<Piece> pieces = new ArrayList<>();
        for (IsoEntry f : order) {
            List<Extent> extents = f.extents();
            for (int i = 0; i < extents.size(); i++) {
                Extent e = extents.get(i);
                pieces.add(new Piece(e.offset(), e.offset() + e.length(), pipes.get(f), i == extents.size() - 1));
            }
        }
        return pieces;
    }

    private void readFully(long offset, byte[] block) throws IOException {
        int done = 0;
        while (done < block.length) {
            int n = channel.readAt(offset + done, block, done, block.length - done);
            if (n < 0) {
                throw new IOException("ISO " + channel.iso() + " ended at byte " + (offset + done) + " while it was read");
            }
            done += n;
        }
    }

    /** A slice of a block handed to a file's stream. */
    private record Slice(byte[] bytes, int offset, int length) {
    }

    private static final Slice END = new Slice(new byte[0], 0, 0);

    /** A file's stream: the slices the pass hands over, read by another thread. */
    private final class Pipe extends InputStream {
        private final IsoEntry file;
        private final BlockingQueue<Slice> queue = new ArrayBlockingQueue<>(64);
        private final AtomicBoolean opened = new AtomicBoolean();
        private volatile boolean closed;
        private volatile boolean finished;
        private volatile IOException failure;
        private Slice current;
        private int within;
        private boolean ended;

        Pipe(IsoEntry file) {
            this.file = file;
        }

        /** Hands over a slice; dropped when the reader has closed the stream. Runs on the pass's thread. */
        void feed(byte[] bytes, int offset, int length) throws InterruptedException {
            if (closed || length == 0) {
                return;
            }
            budget.acquire(length);
            queue.put(new Slice(bytes, offset, length));
            if (closed) {
                discard();
            }
        }

        void end() throws InterruptedException {
            finished = true;
            if (!closed) {
                queue.put(END);
            }
        }

        /** Ends the stream with {@code e}, unless all of it was handed over already. */
        void fail(IOException e) {
            if (!finished && failure == null) {
                failure = e;
                queue.offer(END);
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, buffer.length);
            if (closed) {
                throw new IOException("stream closed");
            }
            if (len == 0) {
                return 0;
            }
            if (!ready()) {
                return -1;
            }
            int n = Math.min(len, current.length() - within);
            System.arraycopy(current.bytes(), current.offset() + within, buffer, off, n);
            within += n;
            if (within == current.length()) {
                release();
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            while (skipped < n && ready()) {
                int step = (int) Math.min(n - skipped, current.length() - within);
                within += step;
                skipped += step;
                if (within == current.length()) {
                    release();
                }
            }
            return skipped;
        }

        @Override
        public int available() {
            return current == null ? 0 : current.length() - within;
        }

        /** Stops the feeding: what was handed over and what comes later is dropped. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (current != null) {
                    release();
                }
                discard();
            }
        }

        /** Whether a slice is at hand, waiting for the pass; false at the end of the file. */
        private boolean ready() throws IOException {
            if (current != null) {
                return true;
            }
            if (ended) {
                return false;
            }
            Slice next = null;
            try {
                while (next == null) {
                    next = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (next == null && failure != null) {
                        next = END;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading " + file.path() + " from " + channel.iso());
            }
            if (next == END) {
                ended = true;
                if (failure != null) {
                    throw new IOException(failure.getMessage(), failure);
                }
                return false;
            }
            current = next;
            within = 0;
            return true;
        }

        private void release() {
            budget.release(current.length());
            current = null;
        }

        private void discard() {
            for (Slice s; (s = queue.poll()) != null; ) {
                if (s != END) {
                    budget.release(s.length());
                }
            }
        }
    }
}
