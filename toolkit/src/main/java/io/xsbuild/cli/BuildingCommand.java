package io.xsbuild.cli;

import io.xsbuild.build.Artifact;
import io.xsbuild.build.PackageResult;
import io.xsbuild.build.Rebuild;
import io.xsbuild.build.RebuildReport;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A command that builds in containers ({@code rebuild}, {@code build}): the options they share, and how
 * their report reaches the user: the end of each failed build's log and one line naming it on standard
 * error, then what was built (or the report as JSON) on standard output; exit 0 when all was built, else 1.
 */
abstract class BuildingCommand extends XsbuildSubcommand {

    /** The one engine call a building command makes, telling {@code events} as it goes. */
    @FunctionalInterface
    interface EngineCall {
        RebuildReport run(Events events) throws XsbuildException;
    }

    @Mixin
    BuildOptions build;

    protected BuildingCommand(CliContext context) {
        super(context);
    }

    /** Makes the engine call, prints its report, and returns the exit code. */
    protected final int build(EngineCall call) throws XsbuildException {
        Console console = console(build.verbose);
        RebuildReport report;
        try {
            report = call.run(build.verbose ? withoutProgress(console) : console);
        } finally {
            console.close();
        }
        reportFailures(report);
        print(report, this::text);
        return report.ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** With the build output streamed, a progress line would only get in its way. */
    private static Events withoutProgress(Events events) {
        return new Events() {
            @Override
            public void log(Level level, String message) {
                events.log(level, message);
            }

            @Override
            public void output(String source, String line) {
                events.output(source, line);
            }
        };
    }

    /** The end of each failed build's log and what went wrong, on standard error. */
    private void reportFailures(RebuildReport report) {
        for (PackageResult failed : report.failed()) {
            if (!failed.errorTail().isEmpty()) {
                context.err().println("--- last lines of " + failed.name() + "'s " + ("builddep".equals(failed.failedStage())
                        ? "root.log" : "build.log"));
                failed.errorTail().forEach(line -> context.err().println("  " + line));
            }
            context.err().println("xsbuild: " + failed.name() + ": " + failed.error());
        }
        context.err().flush();
    }

    private String text(RebuildReport report) {
        Path outDir = Path.of(report.out());
        StringBuilder s = new StringBuilder();
        for (PackageResult p : report.packages()) {
            double seconds = p.stages().entrySet().stream().filter(e -> !"image".equals(e.getKey()))
                    .mapToDouble(Map.Entry::getValue).sum();
            String from = p.git() == null ? "" : " from " + p.git().describe();
            if (p.built()) {
                s.append(p.name()).append(": built").append(from).append(" in ")
                        .append(String.format(Locale.ROOT, "%.1f s", seconds)).append('\n');
                for (Artifact a : shownArtifacts(p)) {
                    s.append("  ").append(shown(outDir.resolve(a.path()))).append('\n');
                }
            } else {
                s.append(p.name()).append(": FAILED").append(from).append(" at ").append(p.failedStage())
                        .append(", logs in ").append(shown(outDir.resolve(p.logs()))).append('\n');
            }
        }
        s.append("Results: ").append(shown(outDir.resolve(Rebuild.RESULT_FILE)));
        return s.toString();
    }

    /** What a built package's lines list: the source package when it was made from git, the RPMs, the files made. */
    private static List<Artifact> shownArtifacts(PackageResult p) {
        List<Artifact> shown = new ArrayList<>();
        if (p.git() != null && p.srpm() != null) {
            shown.add(p.srpm());
        }
        shown.addAll(p.rpms());
        shown.addAll(p.files());
        return shown;
    }

    private String shown(Path path) {
        return path.startsWith(context.workingDir()) ? context.workingDir().relativize(path).toString() : path.toString();
    }
}
