package io.xsbuild.cli;

import io.xsbuild.build.output.Artifact;
import io.xsbuild.build.output.PackageResult;
import io.xsbuild.build.Rebuild;
import io.xsbuild.build.output.RebuildReport;
import io.xsbuild.error.Phrase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a build's report reaches the user: the end of each failed build's log and one line naming it
 * on standard error; what was built, file by file, as text on standard output.
 */
final class BuildReportText {

    private final CliContext context;

    BuildReportText(CliContext context) {
        this.context = context;
    }

    /** The end of each failed build's log and what went wrong, on standard error. */
    void reportFailures(RebuildReport report) {
        for (PackageResult failed : report.failed()) {
            reportFailure(failed.name(), failed.failedStage(), failed.errorTail(), failed.error());
        }
        context.err().flush();
    }

    /** The end of a failed stage's log, then one line naming the package and what went wrong. */
    void reportFailure(String name, String failedStage, List<String> errorTail, Phrase error) {
        if (!errorTail.isEmpty()) {
            context.err().println("--- last lines of " + name + "'s " + ("builddep".equals(failedStage) ? "root.log" : "build.log"));
            errorTail.forEach(line -> context.err().println("  " + line));
        }
        context.err().println("xsbuild: " + name + ": " + Flags.words(error));
    }

    String text(RebuildReport report) {
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
