package io.xsbuild.event;

/**
 * Byte progress of one task, reported at most every {@link #STEP} bytes and at the end. Not
 * thread-safe: one task, one thread.
 */
public final class ByteProgress {

    public static final long STEP = 4L << 20;

    private final Events events;
    private final String task;
    private final long total;
    private long done;
    private long reported = -1;

    /** @param total the bytes the task will have read, or -1 when unknown */
    public ByteProgress(Events events, String task, long total) {
        this(events, task, total, 0);
    }

    /** A task that resumes with {@code done} bytes already behind it. */
    public ByteProgress(Events events, String task, long total, long done) {
        this.events = events;
        this.task = task;
        this.total = total;
        this.done = done;
    }

    public void add(long bytes) {
        done += bytes;
        if (reported < 0 || done - reported >= STEP || done == total) {
            reported = done;
            events.progress(new Events.Progress(task, done, total, "B", null));
        }
    }

    public void done() {
        events.progressDone(task);
    }
}
