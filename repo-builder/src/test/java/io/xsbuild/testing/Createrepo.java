package io.xsbuild.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The host's createrepo_c (Debian's package), the reference xsbuild's output is compared with.
 * Tests skip without it, except under CI ({@code CI} set), where .ci/run must have installed it.
 */
public final class Createrepo {

    private Createrepo() {
    }

    /** The createrepo_c binary, or the test is skipped (failed under CI). */
    public static Path binary() {
        Path found = onPath("createrepo_c");
        if (found == null) {
            String why = "createrepo_c is not installed (apt-get install -y createrepo-c)";
            if (System.getenv("CI") != null) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        return found;
    }

    /** Runs {@code createrepo_c --no-database -o OUT_DIR ARGS... PACKAGES_DIR}. */
    public static void run(Path packagesDir, Path outDir, String... args) throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        List<String> command = new ArrayList<>(List.of(binary().toString(), "--no-database", "-o", outDir.toString()));
        command.addAll(List.of(args));
        command.add(packagesDir.toString());
        exec(command);
    }

    /** "0.17.3", from {@code createrepo_c --version}. */
    public static String version() throws IOException, InterruptedException {
        String out = exec(List.of(binary().toString(), "--version"));
        return out.replaceAll("(?s).*Version: ([0-9.]+).*", "$1");
    }

    /** Whether this createrepo_c predates the %pretrans/%posttrans requirements getting pre="1" (1.0). */
    public static boolean marksTransactionScriptletRequiresPre() throws IOException, InterruptedException {
        return !version().startsWith("0.");
    }

    static String exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    static Path onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
