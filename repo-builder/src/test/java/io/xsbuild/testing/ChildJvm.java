package io.xsbuild.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Another JVM running a test class's {@code main} on this test's class path, for the test to kill. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** Starts {@code main} with {@code args}, lets it run {@code millis} ms and kills it (SIGKILL); it must not end first. */
    public static void runAndKill(Class<?> main, long millis, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        boolean ended = child.waitFor(millis, TimeUnit.MILLISECONDS);
        child.destroyForcibly().waitFor();
        assertThat(ended).as(main.getSimpleName() + " works until it is killed").isFalse();
    }

    /** What a child JVM that ran to its end printed. */
    public record Result(int exit, String out, String err) {
    }

    /**
     * Runs {@code main} with {@code args} to its end under the locale {@code lang} ({@code LANG}
     * set, every {@code LC_*} and {@code LANGUAGE} unset), which is where the JVM takes the charset
     * of file names and of its output from.
     */
    public static Result runInLocale(String lang, Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANGUAGE"));
        pb.environment().put("LANG", lang);
        Path out = Files.createTempFile("child-out", ".txt");
        Path err = Files.createTempFile("child-err", ".txt");
        try {
            Process child = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!child.waitFor(5, TimeUnit.MINUTES)) {
                child.destroyForcibly().waitFor();
                throw new AssertionError(main.getSimpleName() + " did not finish in 5 minutes");
            }
            return new Result(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
