package io.xsbuild.session;

import io.xsbuild.container.Step;
import io.xsbuild.profile.ContainerLayout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The steps a build runs as the unprivileged builder: rpmbuild, make, and what looks at their files. */
public final class BuilderStep {

    /** The builder's environment in every step: its home. */
    public static final Map<String, String> HOME = Map.of("HOME", ContainerLayout.BUILDER_HOME);

    /**
     * Runs its arguments with standard error joined to standard output, line-buffered where
     * coreutils' stdbuf is there: a build's lines then reach build.log in the order they were
     * written, as on a terminal, instead of its output coming after the errors it preceded.
     */
    public static final String LINE_BUFFERED = "command -v stdbuf >/dev/null 2>&1 && exec stdbuf -oL -eL \"$@\" 2>&1; "
            + "exec \"$@\" 2>&1";

    private BuilderStep() {
    }

    /** {@code command} as the builder in {@code dir}, with {@code env} added to its home, output line-buffered. */
    public static Step lineBuffered(List<String> command, String dir, Map<String, String> env) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", LINE_BUFFERED, "line-buffered"));
        argv.addAll(command);
        return new Step(argv, ContainerLayout.BUILDER, dir, withHome(env));
    }

    /** {@code command} as the builder in {@code dir}, as it is. */
    public static Step plain(List<String> command, String dir) {
        return new Step(command, ContainerLayout.BUILDER, dir, HOME);
    }

    private static Map<String, String> withHome(Map<String, String> env) {
        Map<String, String> all = new LinkedHashMap<>(HOME);
        all.putAll(env);
        return all;
    }
}
