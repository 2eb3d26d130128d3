package io.xsbuild.testing;

import io.xsbuild.event.Events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Events kept for a test to look at. */
public final class RecordingEvents implements Events {
    public final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    public final List<String> infos = Collections.synchronizedList(new ArrayList<>());
    public final List<Progress> progress = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void log(Level level, String message) {
        (level == Level.WARN ? warnings : infos).add(message);
    }

    @Override
    public void progress(Progress p) {
        progress.add(p);
    }
}
