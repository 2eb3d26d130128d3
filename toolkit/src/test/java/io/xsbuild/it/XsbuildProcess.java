package io.xsbuild.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged xsbuild run as its own process, as a user runs it, with no terminal. It starts with the
 * default disposition of SIGINT and SIGTERM, whatever this JVM inherited: started from a shell that
 * ignores SIGINT (a background job of a script, {@code nohup}, CI runners), a child would inherit
 * SIG_IGN, its JVM would install no handler for the signal, and Ctrl-C ({@link #signal}) would be lost.
 */
final class XsbuildProcess {

    /** coreutils env(1), putting back the default disposition of the signals the tests send. */
    private static final List<String> DEFAULT_SIGNALS = List.of("env", "--default-signal=INT,TERM");

    record Result(int exit, String out, String err) {
    }

    private final Process process;
    private final Path out;
    private final Path err;

    private XsbuildProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code java -jar toolkit/target/xsbuild.jar ARGS} in {@code dir}, its input empty. */
    static XsbuildProcess start(Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(DEFAULT_SIGNALS);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Engine.projectDir().resolve("toolkit/target/xsbuild.jar").toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("xsbuild-out", ".txt");
        Path err = Files.createTempFile("xsbuild-err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().putAll(env);
        return new XsbuildProcess(pb.start(), out, err);
    }

    static Result run(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return start(dir, env, args).await(5, TimeUnit.MINUTES);
    }

    long pid() {
        return process.pid();
    }

    /** Sends a signal, as kill(1) names it: INT for Ctrl-C, TERM for a stop. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** Kills the process with SIGKILL, which it cannot catch: no shutdown hook runs. */
    void kill() throws IOException, InterruptedException {
        process.destroyForcibly();
        process.waitFor(1, TimeUnit.MINUTES);
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
    }

    String errSoFar() throws IOException {
        return Files.readString(err);
    }

    Result await(long timeout, TimeUnit unit) throws IOException, InterruptedException {
        if (!process.waitFor(timeout, unit)) {
            process.destroyForcibly();
            throw new AssertionError("xsbuild did not finish in " + timeout + " " + unit + ":\n" + errSoFar());
        }
        Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
