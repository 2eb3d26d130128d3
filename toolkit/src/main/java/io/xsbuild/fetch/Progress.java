package io.xsbuild.fetch;

import io.xsbuild.event.Events;

/** Byte progress of one task, reported at most every {@link #STEP} bytes and at the end. */
final class Progress {

    static final long STEP = 4L << 20;

    private final Events events;
    private final String task;
    private final long total;
    private long done;
    private long reported = -1;

    Progress(Events events, String task, long total) {
        this(events, task, total, 0);
    }

    Progress(Events events, String task, long total, long done) {
        this.events = events;
        this.task = task;
        this.total = total;
        this.done = done;
    }

    void add(long bytes) {
        done += bytes;
        if (reported < 0 || done - reported >= STEP || done == total) {
            reported = done;
            events.progress(new Events.Progress(task, done, total, "B", null));
        }
    }

    void done() {
        events.progressDone(task);
    }
}
