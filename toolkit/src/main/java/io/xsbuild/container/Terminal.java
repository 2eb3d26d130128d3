package io.xsbuild.container;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The terminal of the person running xsbuild, as a step run attached to it
 * ({@link ContainerRuntime#runAttached}) uses it. The command line makes it from this process's
 * standard streams and hands it to the runtime it connects; the engine never touches them itself.
 */
@FunctionalInterface
public interface Terminal {

    /** No one's terminal: an attached step reads end of input, and what it writes is dropped. */
    Terminal NONE = tty -> new Attachment(InputStream.nullInputStream(), OutputStream.nullOutputStream(),
            OutputStream.nullOutputStream(), null, () -> { });

    /**
     * Lends the terminal to one step: the streams it reads and writes and, with {@code tty}, the
     * terminal in raw mode (keys reach the step as they are typed, not echoed) until the attachment
     * is closed.
     */
    Attachment attach(boolean tty);

    /** A terminal's width and height, in characters. */
    record Size(int columns, int rows) {
    }

    /**
     * One step's hold on the terminal.
     *
     * @param size    the terminal's size, when the step has a TTY and the size is known; else null
     * @param release gives the terminal back as it was, its mode restored
     */
    record Attachment(InputStream in, OutputStream out, OutputStream err, Size size, Runnable release)
            implements AutoCloseable {

        public Attachment {
            Objects.requireNonNull(in, "in");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(err, "err");
            Objects.requireNonNull(release, "release");
        }

        @Override
        public void close() {
            release.run();
        }
    }
}
