package io.xsbuild.iso;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The image tools the differential tests run. A missing tool skips the test on a developer's
 * machine and fails it under CI ({@code CI} set), where {@code .ci/run} installs them.
 */
public final class IsoTools {

    private IsoTools() {
    }

    /** Skips (or, under CI, fails) the calling test unless {@code tool} is on the PATH. */
    public static void require(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        String why = tool + " is not installed (apt-get install " + switch (tool) {
            case "createrepo_c" -> "createrepo-c";
            case "genisoimage", "isoinfo", "isovfy" -> "genisoimage";
            case "mkfifo" -> "coreutils";
            case "isohybrid" -> "syslinux-utils";
            default -> "xorriso";
        } + ")";
        if (System.getenv("CI") != null) {
            fail("CI must provide " + why);
        }
        Assumptions.abort(why);
    }

    /** Runs a command, failing the test unless it exits 0 within two minutes; gives its output. */
    public static String run(List<String> command) throws IOException, InterruptedException {
        require(command.get(0));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            fail(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + text);
        }
        return text;
    }

    public static String run(String... command) throws IOException, InterruptedException {
        return run(List.of(command));
    }

    /** Makes a Rock Ridge + Joliet image of the tree {@code source} with xorriso. */
    public static Path makeIso(Path source, Path iso) throws IOException, InterruptedException {
        run("xorriso", "-joliet", "on", "-outdev", iso.toString(), "-map", source.toString(), "/");
        return iso;
    }

    /** Extracts the whole image with xorriso, the reference reader. */
    public static void extract(Path iso, Path into) throws IOException, InterruptedException {
        run("xorriso", "-osirrox", "on", "-indev", iso.toString(), "-extract", "/", into.toString());
    }
}
