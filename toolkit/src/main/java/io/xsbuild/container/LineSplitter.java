package io.xsbuild.container;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * A step's output as the engine sends it, chunks of bytes of either stream, as the lines a
 * {@link LineSink} takes: split at {@code \n} with a {@code \r} before it dropped, and decoded as
 * UTF-8 once a line is whole, so a character cut between two chunks survives. Not thread-safe: one
 * step's output at a time.
 */
final class LineSplitter {

    private final LineSink sink;
    private final Map<LineSink.Stream, ByteArrayOutputStream> partial = new EnumMap<>(LineSink.Stream.class);

    LineSplitter(LineSink sink) {
        this.sink = sink;
    }

    /** Takes the next chunk of {@code stream}, giving the sink every line it completes. */
    void write(LineSink.Stream stream, byte[] chunk) {
        ByteArrayOutputStream line = partial.computeIfAbsent(stream, s -> new ByteArrayOutputStream());
        for (byte b : chunk) {
            if (b == '\n') {
                sink.line(stream, take(line));
            } else {
                line.write(b);
            }
        }
    }

    /** The output has ended: what each stream holds after its last newline is its last line. */
    void finish() {
        partial.forEach((stream, line) -> {
            if (line.size() > 0) {
                sink.line(stream, take(line));
            }
        });
    }

    private static String take(ByteArrayOutputStream line) {
        byte[] bytes = line.toByteArray();
        line.reset();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }
}
