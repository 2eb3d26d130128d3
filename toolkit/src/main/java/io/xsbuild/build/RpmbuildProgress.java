package io.xsbuild.build;

import io.xsbuild.container.LineSink;
import io.xsbuild.event.Events;

/** rpmbuild's output as a progress line: how many lines so far, and the section it is in. */
final class RpmbuildProgress implements LineSink {

    private final Events events;
    private final String task;
    private long lines;
    private String section;

    RpmbuildProgress(Events events, String task) {
        this.events = events;
        this.task = task;
    }

    @Override
    public synchronized void line(Stream stream, String line) {
        lines++;
        if (line.startsWith("Executing(")) {
            int end = line.indexOf(')');
            section = end > 0 ? line.substring("Executing(".length(), end) : section;
        }
        events.progress(new Events.Progress(task, lines, -1, "lines", section));
    }

    void done() {
        events.progressDone(task);
    }
}
