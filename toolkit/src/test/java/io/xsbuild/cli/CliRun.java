package io.xsbuild.cli;

import io.xsbuild.container.RuntimeConnector;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the command line in-process against a given engine connector, capturing its output. */
public final class CliRun {
    public final int exitCode;
    public final String out;
    public final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    public static CliRun run(RuntimeConnector connector, String... args) {
        return run(connector, Map.of(), Path.of("."), args);
    }

    public static CliRun run(RuntimeConnector connector, Map<String, String> env, Path workingDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.putAll(env);
        CliContext context = new CliContext(connector, environment, new PrintWriter(out, true), new PrintWriter(err, true),
                false, workingDir);
        int code = Cli.commandLine(context, args).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
