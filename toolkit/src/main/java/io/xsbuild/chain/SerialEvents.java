package io.xsbuild.chain;

import io.xsbuild.error.Phrase;
import io.xsbuild.event.Events;

/** Events from the chain's builds, passed on one at a time: several builds report at once. */
final class SerialEvents implements Events {

    private final Events next;

    SerialEvents(Events next) {
        this.next = next;
    }

    @Override
    public synchronized void log(Level level, String message) {
        next.log(level, message);
    }

    @Override
    public synchronized void log(Level level, Phrase message) {
        next.log(level, message);
    }

    @Override
    public synchronized void progress(Progress progress) {
        next.progress(progress);
    }

    @Override
    public synchronized void progressDone(String task) {
        next.progressDone(task);
    }

    @Override
    public synchronized void output(String source, String line) {
        next.output(source, line);
    }
}
