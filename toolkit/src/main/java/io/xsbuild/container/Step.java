package io.xsbuild.container;

import java.util.List;
import java.util.Map;

/**
 * A command run in a started container. Its arguments are passed exactly as given, never split or
 * re-quoted by a shell.
 *
 * @param user       the user to run as, or null for the container's
 * @param workingDir the directory to run in, or null for the container's
 */
public record Step(List<String> argv, String user, String workingDir, Map<String, String> env) {
    public Step {
        if (argv == null || argv.isEmpty()) {
            throw new IllegalArgumentException("a step needs a command");
        }
        argv = List.copyOf(argv);
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    public static Step of(String... argv) {
        return new Step(List.of(argv), null, null, Map.of());
    }

    /** A shell script run by {@code sh -c}, for steps whose commands xsbuild writes itself. */
    public static Step shell(String script) {
        return of("sh", "-c", script);
    }

    public Step as(String newUser) {
        return new Step(argv, newUser, workingDir, env);
    }

    public Step in(String dir) {
        return new Step(argv, user, dir, env);
    }

    public Step with(Map<String, String> moreEnv) {
        var merged = new java.util.LinkedHashMap<>(env);
        merged.putAll(moreEnv);
        return new Step(argv, user, workingDir, merged);
    }
}
