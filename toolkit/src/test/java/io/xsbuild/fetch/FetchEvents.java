package io.xsbuild.fetch;

import io.xsbuild.cli.Flags;
import io.xsbuild.error.Phrase;
import io.xsbuild.event.Events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the engine reported, as the command line words it. */
final class FetchEvents implements Events {

    final List<String> warnings = new CopyOnWriteArrayList<>();
    final List<Progress> progress = new CopyOnWriteArrayList<>();
    final List<String> done = new CopyOnWriteArrayList<>();

    @Override
    public void log(Level level, String message) {
        if (level == Level.WARN) {
            warnings.add(message);
        }
    }

    @Override
    public void log(Level level, Phrase message) {
        log(level, Flags.words(message));
    }

    @Override
    public void progress(Progress p) {
        progress.add(p);
    }

    @Override
    public void progressDone(String task) {
        done.add(task);
    }
}
