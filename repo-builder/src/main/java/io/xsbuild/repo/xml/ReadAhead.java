package io.xsbuild.repo.xml;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Items from a source, read ahead on a thread of its own into a bounded queue, so that reading
 * several sources runs concurrently while memory holds at most {@code capacity} items of each.
 */
final class ReadAhead<T> implements AutoCloseable {

    /** What is read: the next item, or null at the end. */
    interface Source<T> {
        T next() throws IOException;
    }

    private static final Object END = new Object();

    /** A failure of the source, handed to the reader in the items' place. */
    private record Failure(IOException cause) {
    }

    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private boolean ended;

    ReadAhead(String name, Source<T> source, int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(() -> fill(source), name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void fill(Source<T> source) {
        try {
            try {
                for (T item = source.next(); item != null; item = source.next()) {
                    queue.put(item);
                }
                queue.put(END);
            } catch (IOException | RuntimeException e) {
                queue.put(new Failure(e instanceof IOException io ? io : new IOException(e.getMessage(), e)));
            }
        } catch (InterruptedException e) {
            // closed before the end: nobody is waiting for the rest
        }
    }

    /** The next item, or null after the last. */
    @SuppressWarnings("unchecked")
    T next() throws IOException {
        if (ended) {
            return null;
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading published metadata");
        }
        if (item == END) {
            ended = true;
            return null;
        }
        if (item instanceof Failure f) {
            ended = true;
            throw f.cause();
        }
        return (T) item;
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
