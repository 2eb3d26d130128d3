package io.xsbuild.event;

import io.xsbuild.error.Phrase;
/**
 * What the engine tells the world while it works. The engine never prints: it calls these methods,
 * and the command line renders them (progress bars on a terminal, plain lines in CI, nothing but the
 * result with {@code --json}). Implementations must be thread-safe: workers report concurrently.
 */
public interface Events {

    enum Level { DEBUG, INFO, WARN }

    /** A message for the user. */
    void log(Level level, String message);

    /**
     * A message for the user that names settings: the command line names them by their flags;
     * anyone else gets the message with their field names. Implementations that pass events on
     * pass this one on as it is.
     */
    default void log(Level level, Phrase message) {
        log(level, message.toString());
    }

    /** Progress of a long task; {@code total} is negative when unknown. */
    default void progress(Progress progress) {
    }

    /** The task named by earlier {@link #progress} calls is over. */
    default void progressDone(String task) {
    }

    /**
     * One line of a tool's output (a build log, a docker build). Rendered only when the user asked
     * for it ({@code -v}); always kept in the log files by whoever produced it.
     */
    default void output(String source, String line) {
    }

    default void info(String message) {
        log(Level.INFO, message);
    }

    default void warn(String message) {
        log(Level.WARN, message);
    }

    default void warn(Phrase message) {
        log(Level.WARN, message);
    }

    default void debug(String message) {
        log(Level.DEBUG, message);
    }

    /** Swallows everything: for library callers and tests that do not listen. */
    Events NONE = (level, message) -> {
    };

    /**
     * Where a task stands.
     *
     * @param task   a short name, stable across calls for one task ("Reading packages")
     * @param done   units done so far
     * @param total  units in all, negative when unknown
     * @param unit   what a unit is ("pkg", "B")
     * @param detail a short extra shown beside the count, or null ("312 MB")
     */
    record Progress(String task, long done, long total, String unit, String detail) {
    }
}
