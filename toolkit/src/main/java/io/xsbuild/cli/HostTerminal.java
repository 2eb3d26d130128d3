package io.xsbuild.cli;

import io.xsbuild.container.Terminal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * This process's terminal, lent to steps run attached to it ({@code xsbuild shell}, a shell in a
 * failed build): its standard input, output and error, and for a TTY raw mode through
 * {@code stty} on {@code /dev/tty}, restored when the step ends.
 */
final class HostTerminal implements Terminal {

    private final InputStream in;
    private final OutputStream out;
    private final OutputStream err;

    HostTerminal(InputStream in, OutputStream out, OutputStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** The terminal of this process, on its standard streams. */
    static HostTerminal system() {
        return new HostTerminal(System.in, System.out, System.err);
    }

    @Override
    public Attachment attach(boolean tty) {
        String saved = tty ? stty("-g") : null;
        if (saved != null) {
            stty("raw", "-echo");
        }
        Size size = tty ? size(stty("size")) : null;
        return new Attachment(new AsTyped(in), out, err, size, () -> {
            if (saved != null) {
                stty(saved.strip());
            }
        });
    }

    /** What {@code stty size} printed ("ROWS COLUMNS") as a size; null when it printed nothing of the kind. */
    static Size size(String sttySize) {
        if (sttySize == null) {
            return null;
        }
        String[] parts = sttySize.strip().split("\\s+");
        try {
            return parts.length == 2 ? new Size(Integer.parseInt(parts[1]), Integer.parseInt(parts[0])) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** What stty printed, or null when there is no terminal or it failed. */
    private static String stty(String... args) {
        List<String> cmd = new ArrayList<>(List.of("stty"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? printed : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Standard input as the engine is sent it: each read returns what has been typed so far (at
     * least a byte) instead of waiting to fill the buffer, so that keys reach the step as they are
     * typed, and a step that ends first does not wait on input.
     */
    static final class AsTyped extends InputStream {
        private final InputStream in;

        AsTyped(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, Math.min(len, Math.max(1, in.available())));
        }
    }
}
