package io.xsbuild.build;

import io.xsbuild.build.output.LogFile;
import io.xsbuild.container.LineSink;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times a package's stages, in state.log as mock does ("Start: builddep" ... "Finish: builddep"),
 * and tells the user which stage each package is in.
 */
final class StageClock {

    /** One stage's work. */
    @FunctionalInterface
    interface Stage<T> {
        T run() throws XsbuildException;
    }

    private final LineSink state;
    private final Events events;
    private final String packageName;
    private final Clock clock;
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private String current;
    private LogFile currentLog;

    StageClock(LineSink state, Events events, String packageName, Clock clock) {
        this.state = state;
        this.events = events;
        this.packageName = packageName;
        this.clock = clock;
    }

    /**
     * Runs a stage, timing it.
     *
     * @param doing what to tell the user it is doing, or null to say nothing
     */
    <T> T run(String stage, String doing, Stage<T> work) throws XsbuildException {
        return run(stage, doing, null, work);
    }

    /**
     * Runs a stage whose tool writes {@code log}, timing it.
     *
     * @param log the log whose last lines tell why the stage failed, or null
     */
    <T> T run(String stage, String doing, LogFile log, Stage<T> work) throws XsbuildException {
        current = stage;
        currentLog = log;
        if (doing != null) {
            events.info(packageName + ": " + doing);
        }
        write("Start: " + stage);
        long start = System.nanoTime();
        T result;
        try {
            result = work.run();
        } catch (XsbuildException | RuntimeException e) {
            double took = since(start);
            seconds.put(stage, took);
            write("Failed: " + stage + " after " + format(took) + ": " + e.getMessage());
            throw e;
        }
        double took = since(start);
        seconds.put(stage, took);
        write("Finish: " + stage + " (" + format(took) + ")");
        current = null;
        currentLog = null;
        return result;
    }

    /** Records a stage done before this package's own, such as the image shared by a run. */
    void record(String stage, double took, String note) {
        seconds.put(stage, took);
        write("Finish: " + stage + " (" + format(took) + ") " + note);
    }

    /** A line about the build that is no stage of its own. */
    void note(String text) {
        write(text);
    }

    /** The stage running, or that failed; null between stages. */
    String current() {
        return current;
    }

    /** The last lines of the log of the stage running, or that failed; empty when it has none. */
    List<String> currentTail() {
        return currentLog == null ? List.of() : currentLog.tail();
    }

    Map<String, Double> seconds() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
    }

    private void write(String text) {
        state.line(LineSink.Stream.STDOUT, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS) + " " + text);
    }

    private static double since(long start) {
        return Math.round((System.nanoTime() - start) / 1e6) / 1e3;
    }

    static String format(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.3f s", seconds);
    }
}
