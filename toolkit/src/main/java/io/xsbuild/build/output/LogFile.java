package io.xsbuild.build.output;

import io.xsbuild.container.LineSink;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A log file written line by line as a tool runs (so that it can be followed, and is there when
 * the run is cut short), remembering its last lines for error messages.
 */
public final class LogFile implements LineSink, Closeable {

    public static final int TAIL = 20;

    private final Path path;
    private final BufferedWriter writer;
    private final Deque<String> tail = new ArrayDeque<>();
    private IOException failure;

    private LogFile(Path path, BufferedWriter writer) {
        this.path = path;
        this.writer = writer;
    }

    public static LogFile create(Path path) throws IOException {
        return new LogFile(path, Files.newBufferedWriter(path, StandardCharsets.UTF_8));
    }

    public Path path() {
        return path;
    }

    @Override
    public synchronized void line(Stream stream, String line) {
        tail.addLast(line);
        if (tail.size() > TAIL) {
            tail.removeFirst();
        }
        if (failure != null) {
            return;
        }
        try {
            writer.write(line);
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            failure = e;
        }
    }

    /** The last lines written, oldest first. */
    public synchronized List<String> tail() {
        return List.copyOf(tail);
    }

    /** Closes the file; reports a write that failed on the way. */
    @Override
    public synchronized void close() throws IOException {
        writer.close();
        if (failure != null) {
            throw failure;
        }
    }
}
