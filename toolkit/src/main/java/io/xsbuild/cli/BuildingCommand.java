package io.xsbuild.cli;

import io.xsbuild.build.output.RebuildReport;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import picocli.CommandLine.Mixin;

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
        BuildReportText view = new BuildReportText(context);
        view.reportFailures(report);
        print(report, view::text);
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
            public void log(Level level, Phrase message) {
                events.log(level, message);
            }

            @Override
            public void output(String source, String line) {
                events.output(source, line);
            }
        };
    }
}
