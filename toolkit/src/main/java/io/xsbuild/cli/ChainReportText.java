package io.xsbuild.cli;

import io.xsbuild.build.output.Artifact;
import io.xsbuild.chain.Chain;
import io.xsbuild.chain.ChainPackage;
import io.xsbuild.chain.ChainReport;

import java.nio.file.Path;
import java.util.Locale;

/** How a chain's report reaches the user: failures on standard error, then a line per package and its files. */
final class ChainReportText {

    private final CliContext context;

    ChainReportText(CliContext context) {
        this.context = context;
    }

    void reportFailures(ChainReport report) {
        BuildReportText builds = new BuildReportText(context);
        for (ChainPackage p : report.packages()) {
            if (p.status() == ChainPackage.Status.FAILED) {
                builds.reportFailure(p.name(), p.failedStage(), p.errorTail(), p.error());
            }
        }
        context.err().flush();
    }

    String text(ChainReport report) {
        Path out = Path.of(report.out());
        StringBuilder s = new StringBuilder();
        for (ChainPackage p : report.packages()) {
            s.append(p.name()).append(": ").append(p.status().name().toLowerCase(Locale.ROOT));
            switch (p.status()) {
                case BUILT -> s.append(String.format(Locale.ROOT, " in %.1f s", p.seconds()))
                        .append(report.engines().size() > 1 ? " on " + p.engine() : "");
                case REUSED -> s.append(" from the cache");
                case FAILED -> s.append(" at ").append(p.failedStage())
                        .append(p.logs() == null ? "" : ", logs in " + shown(out.resolve(p.logs())));
                case SKIPPED -> s.append(": ").append(Flags.words(p.why()));
                default -> { }
            }
            s.append('\n');
            for (Artifact a : p.rpms()) {
                s.append("  ").append(shown(out.resolve(a.path()))).append('\n');
            }
        }
        s.append(String.format(Locale.ROOT, "%d built, %d reused, %d failed, %d skipped in %.1f s%n",
                report.count(ChainPackage.Status.BUILT), report.count(ChainPackage.Status.REUSED),
                report.count(ChainPackage.Status.FAILED), report.count(ChainPackage.Status.SKIPPED), report.seconds()));
        s.append("Results: ").append(shown(out.resolve(Chain.RESULT_FILE)));
        return s.toString();
    }

    private String shown(Path path) {
        return path.startsWith(context.workingDir()) ? context.workingDir().relativize(path).toString() : path.toString();
    }
}
