package io.xsbuild.session;

import io.xsbuild.container.LineSink;
import io.xsbuild.container.Step;
import io.xsbuild.error.FailedException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.packages.ToolOutput;

/** The steps xsbuild runs around a build (mkdir, chown, cp, find), which are expected to succeed. */
public final class HelperStep {

    private HelperStep() {
    }

    /** Runs {@code step}; a non-zero exit fails the build with {@code failure} and the step's last error line. */
    public static void run(SessionContainer container, Step step, LineSink output, String failure) throws XsbuildException {
        ToolOutput tool = new ToolOutput(output);
        int exit = container.run(step, tool);
        if (exit != 0) {
            throw new FailedException(failure + " in container " + container.shortId() + " (exit " + exit + ")"
                    + (tool.summary() == null ? "" : ": " + tool.summary()));
        }
    }
}
