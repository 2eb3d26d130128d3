package io.xsbuild.cli;

import io.xsbuild.container.RuntimeConnector;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a command may touch of the world: the engine connector, the environment, the output
 * streams and whether a person is watching. Tests make one with a fake engine and string writers.
 *
 * @param terminal true when a person is at a terminal (progress bars, interactive shells)
 * @param engines  the connector to the engine at a DOCKER_HOST URL ({@code --engine})
 */
public record CliContext(RuntimeConnector connector, Map<String, String> env, PrintWriter out, PrintWriter err,
                         boolean terminal, Path workingDir, Function<String, RuntimeConnector> engines) {

    public CliContext {
        env = Map.copyOf(env);
        workingDir = workingDir.toAbsolutePath().normalize();
        Objects.requireNonNull(engines, "engines");
    }

    /** A context whose every engine URL leads to {@code connector}, as tests have it. */
    public CliContext(RuntimeConnector connector, Map<String, String> env, PrintWriter out, PrintWriter err,
                      boolean terminal, Path workingDir) {
        this(connector, env, out, err, terminal, workingDir, url -> connector);
    }

    /** The connector to the engine at {@code url}. */
    public RuntimeConnector connectorFor(String url) {
        return engines.apply(url);
    }

    static CliContext system(RuntimeConnector connector, Function<String, RuntimeConnector> engines) {
        Map<String, String> env = System.getenv();
        Charset charset = Charset.defaultCharset();
        boolean terminal = System.console() != null
                && !"dumb".equals(env.get("TERM"))
                && env.get("CI") == null;
        return new CliContext(connector, env,
                new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true),
                terminal, Path.of(""), engines);
    }

    /** A path the user typed, resolved against the directory xsbuild was started in. */
    public Path resolve(Path userPath) {
        return workingDir.resolve(userPath).normalize();
    }
}
