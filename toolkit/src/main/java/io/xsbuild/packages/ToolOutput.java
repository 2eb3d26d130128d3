package io.xsbuild.packages;

import io.xsbuild.container.LineSink;

/** Passes a tool's output on and remembers its last meaningful line, for one-line errors. */
public final class ToolOutput implements LineSink {

    private final LineSink next;
    private String lastError;
    private String last;

    public ToolOutput(LineSink next) {
        this.next = next;
    }

    @Override
    public void line(Stream stream, String line) {
        next.line(stream, line);
        String text = line.strip();
        if (text.isEmpty()) {
            return;
        }
        last = text;
        if (stream == Stream.STDERR || text.startsWith("Error") || text.startsWith("error:") || text.startsWith("No ")) {
            lastError = text;
        }
    }

    /** The last line that reads as an error, else the last line, else null. */
    public String summary() {
        return lastError != null ? lastError : last;
    }
}
