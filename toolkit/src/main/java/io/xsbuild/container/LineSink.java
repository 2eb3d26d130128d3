package io.xsbuild.container;

/** Receives a running step's output line by line, without the line terminator. */
@FunctionalInterface
public interface LineSink {

    enum Stream { STDOUT, STDERR }

    void line(Stream stream, String line);

    LineSink DISCARD = (stream, line) -> {
    };

    /** Both this sink and {@code other}, in that order. */
    default LineSink and(LineSink other) {
        return (stream, line) -> {
            line(stream, line);
            other.line(stream, line);
        };
    }
}
