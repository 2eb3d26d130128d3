package io.xsbuild.git;

import io.xsbuild.event.Events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Git LFS pointer files: what a checkout holds in place of a large file (a source tarball in a package
 * repository) until {@code git lfs pull} fetches it. They are told by their first line, as Git LFS's
 * specification defines it, and are small.
 */
public final class LfsPointers {

    /** The first line of every pointer file. */
    static final byte[] SIGNATURE = "version https://git-lfs.github.com/spec/v1\n".getBytes(StandardCharsets.US_ASCII);

    /** Pointer files are under this size; a file this large is never one. */
    private static final long MAX_POINTER = 1024;

    private final String git;

    /** @param git the git command to run ({@code git} on the PATH) */
    public LfsPointers(String git) {
        this.git = git;
    }

    /** With the {@code git} on the PATH. */
    public static LfsPointers onPath() {
        return new LfsPointers("git");
    }

    /** Whether {@code file} is a Git LFS pointer rather than the content it stands for. */
    public static boolean isPointer(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) >= MAX_POINTER) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SIGNATURE.length), SIGNATURE);
        }
    }

    /** Whether the {@code git lfs} command is there to fetch pointed-to files. */
    public boolean available() {
        return run(Path.of("."), List.of(git, "lfs", "version"), Events.NONE) == 0;
    }

    /**
     * Runs {@code git lfs pull} in {@code workTree} for {@code paths} (relative to it), telling {@code events} what
     * it says; true when it succeeded.
     */
    public boolean pull(Path workTree, List<String> paths, Events events) {
        List<String> command = new ArrayList<>(List.of(git, "lfs", "pull", "--include", String.join(",", paths)));
        events.info("Fetching " + String.join(", ", paths) + " with git lfs pull in " + workTree);
        return run(workTree, command, events) == 0;
    }

    private static int run(Path dir, List<String> command, Events events) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return -1;
            }
            output.lines().filter(l -> !l.isBlank()).forEach(l -> events.debug("git lfs: " + l));
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
