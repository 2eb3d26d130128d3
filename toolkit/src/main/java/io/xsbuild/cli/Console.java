package io.xsbuild.cli;

import io.xsbuild.error.Phrase;
import io.xsbuild.event.Events;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the engine's events for a person or a log: everything goes to standard error, so that
 * standard output holds only results. On a terminal long tasks get a progress bar; elsewhere
 * (CI, pipes) a plain line every few seconds and one at the end.
 */
final class Console implements Events {

    private static final long PLAIN_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

    private final PrintWriter err;
    private final boolean terminal;
    private final boolean verbose;
    private final Map<String, ProgressBar> bars = new HashMap<>();
    private final Map<String, Long> lastPlain = new HashMap<>();

    Console(PrintWriter err, boolean terminal, boolean verbose) {
        this.err = err;
        this.terminal = terminal;
        this.verbose = verbose;
    }

    @Override
    public synchronized void log(Level level, String message) {
        if (level == Level.DEBUG && !verbose) {
            return;
        }
        err.println(level == Level.WARN ? "warning: " + message : message);
        err.flush();
    }

    /** Settings named by their flags. */
    @Override
    public void log(Level level, Phrase message) {
        log(level, Flags.words(message));
    }

    @Override
    public synchronized void output(String source, String line) {
        if (verbose) {
            err.println(line);
            err.flush();
        }
    }

    @Override
    public synchronized void progress(Progress p) {
        if (terminal) {
            ProgressBar bar = bars.computeIfAbsent(p.task(), task -> new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(p.total())
                    .setUnit(" " + p.unit(), 1)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(200)
                    .continuousUpdate()
                    .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(new WriterStream(err), true)))
                    .build());
            if (p.total() >= 0 && bar.getMax() != p.total()) {
                bar.maxHint(p.total());
            }
            bar.stepTo(p.done());
            if (p.detail() != null) {
                bar.setExtraMessage(p.detail());
            }
            return;
        }
        long now = System.nanoTime();
        Long last = lastPlain.get(p.task());
        boolean finished = p.total() >= 0 && p.done() >= p.total();
        if (last == null || now - last >= PLAIN_INTERVAL_NANOS || finished) {
            lastPlain.put(p.task(), now);
            StringBuilder line = new StringBuilder(p.task()).append(": ").append(p.done());
            if (p.total() >= 0) {
                line.append('/').append(p.total());
            }
            line.append(' ').append(p.unit());
            if (p.detail() != null) {
                line.append(" (").append(p.detail()).append(')');
            }
            err.println(line);
            err.flush();
        }
    }

    @Override
    public synchronized void progressDone(String task) {
        ProgressBar bar = bars.remove(task);
        if (bar != null) {
            bar.close();
        }
        lastPlain.remove(task);
    }

    /** Closes any bar still open, so the terminal is left clean. */
    synchronized void close() {
        bars.values().forEach(ProgressBar::close);
        bars.clear();
    }

    /** A PrintWriter seen as an OutputStream, for the progress bar library. */
    private static final class WriterStream extends java.io.OutputStream {
        private final PrintWriter writer;
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

        WriterStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            pending.write(b);
        }

        @Override
        public void flush() {
            writer.print(pending.toString(java.nio.charset.StandardCharsets.UTF_8));
            writer.flush();
            pending.reset();
        }
    }
}
