package io.xsbuild.session;

import io.xsbuild.container.LineSink;
import io.xsbuild.event.Events;

/** A tool's output as {@link Events#output} events, shown to the user with {@code -v}. */
public final class EventLines {

    private EventLines() {
    }

    public static LineSink of(Events events, String source) {
        return (stream, line) -> events.output(source, line);
    }
}
