package io.xsbuild.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What the private engines the tests start ({@link PodmanService}, {@link DockerdService}) share: tools, logs, cleanup. */
final class EngineDirs {

    private EngineDirs() {
    }

    /** The tool on PATH, or in the sbin directories where a user's PATH may lack them; null when absent. */
    static Path onPath(String tool) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/sbin"));
        for (String d : dirs) {
            Path candidate = Path.of(d, tool);
            if (!d.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The last 20 lines of an engine's log, for a message. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Stops these processes, forcibly those that do not end within 10 s. */
    static void stop(List<ProcessHandle> processes) throws InterruptedException, ExecutionException {
        processes.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : processes) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                h.destroyForcibly();
            }
        }
    }

    /** Unmounts what is mounted below {@code dir} (the deepest first), then removes it. */
    static void remove(Path dir) throws IOException, InterruptedException {
        List<String> mounts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String point = line.split(" ")[1];
            if (point.startsWith(dir + "/")) {
                mounts.add(0, point);
            }
        }
        for (String point : mounts) {
            new ProcessBuilder("umount", point).inheritIO().start().waitFor();
        }
        // Image layers hold files of every owner and device nodes: rm removes them where Java may not.
        new ProcessBuilder("rm", "-rf", "--one-file-system", dir.toString()).inheritIO().start().waitFor();
    }
}
