package io.xsbuild.cli;

import io.xsbuild.container.RuntimeConnector;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of the world: the engine connector, the environment, the output
 * streams and whether a person is watching. Tests make one with a fake engine and string writers.
 *
 * @param terminal true when a person is at a terminal (progress bars, interactive shells)
 */
public record CliContext(RuntimeConnector connector, Map<String, String> env, PrintWriter out, PrintWriter err,
                         boolean terminal, Path workingDir) {

    public CliContext {
        env = Map.copyOf(env);
        workingDir = workingDir.toAbsolutePath().normalize();
    }

    static CliContext system(RuntimeConnector connector) {
        Map<String, String> env = System.getenv();
        Charset charset = Charset.defaultCharset();
        boolean terminal = System.console() != null
                && !"dumb".equals(env.get("TERM"))
                && env.get("CI") == null;
        return new CliContext(connector, env,
                new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true),
                terminal, Path.of(""));
    }

    /** A path the user typed, resolved against the directory xsbuild was started in. */
    public Path resolve(Path userPath) {
        return workingDir.resolve(userPath).normalize();
    }
}
