package io.xsbuild.cli;

import io.xsbuild.build.Artifact;
import io.xsbuild.build.BuildSettings;
import io.xsbuild.build.HostSrpm;
import io.xsbuild.build.PackageResult;
import io.xsbuild.build.Rebuild;
import io.xsbuild.build.RebuildReport;
import io.xsbuild.build.RebuildRequest;
import io.xsbuild.build.RepoSrpm;
import io.xsbuild.build.RpmbuildOptions;
import io.xsbuild.build.SrpmSource;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.image.Repo;
import io.xsbuild.profile.Profile;
import io.xsbuild.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Command(name = "rebuild", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Rebuild source RPMs in containers: each package's SRPM is fetched from the repository by NAME (or "
                    + "given with --srpm), its BuildRequires are installed, and rpmbuild --rebuild runs as an "
                    + "unprivileged user with the network cut. Out come OUT/RPMS/ARCH/, OUT/SRPMS/, "
                    + "OUT/logs/NAME/{build,root,state}.log and OUT/result.json; no container is left behind.",
            "Exits 0 when every package was built, 1 when one failed (its logs kept, the end of its log shown), "
                    + "2 on a usage error, 3 when the machine lacks something (a Docker engine, a base image)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  xsbuild rebuild --repo ./repo xcp-networkd",
            "  xsbuild rebuild --srpm ./xapi-1.2-3.src.rpm --define 'dist .el7.centos' -v",
            "  xsbuild rebuild --profile testbase --repo ./repo --json xsdemo-hello",
            "  XSBUILD_PROFILE=el9 xsbuild rebuild --repo ./repo --keep xcp-networkd",
            "  xsbuild rebuild --repo ./repo --shell-on-failure --out /tmp/out xapi"})
final class RebuildCommand extends XsbuildSubcommand {

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Source packages to fetch from the repository and rebuild.")
    List<String> names = new ArrayList<>();

    @Option(names = "--srpm", paramLabel = "FILE", arity = "1..*", description = "Source RPM files to rebuild instead.")
    List<Path> srpms = new ArrayList<>();

    @Mixin
    EnvironmentOptions environment;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "xsbuild-out",
            description = "Where RPMs, logs and result.json go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--define", paramLabel = "'MACRO VALUE'", description = "Define an rpm macro for rpmbuild.")
    List<String> defines = new ArrayList<>();

    @Option(names = "--with", paramLabel = "X", description = "Enable the conditional build X (rpmbuild --with).")
    List<String> with = new ArrayList<>();

    @Option(names = "--without", paramLabel = "X", description = "Disable the conditional build X (rpmbuild --without).")
    List<String> without = new ArrayList<>();

    @Option(names = "--nocheck", description = "Do not run the spec's %%check section.")
    boolean nocheck;

    @Option(names = "--target", paramLabel = "ARCH", description = "Build for this architecture (rpmbuild --target).")
    String target;

    @Option(names = "--network", description = "Leave rpmbuild the container's network (it is cut by default).")
    boolean network;

    @Option(names = "--image", paramLabel = "TAG",
            description = "Build in this image (as xsbuild image build printed it) instead of the profile's.")
    String image;

    @Option(names = "--keep", description = "Keep each package's container, and say how to enter it.")
    boolean keep;

    @Option(names = "--shell-on-failure", description = "Open a shell in a failed build's container (on a terminal).")
    boolean shellOnFailure;

    @Option(names = {"-v", "--verbose"}, description = "Stream the build output (build.log, root.log) to the terminal.")
    boolean verbose;

    RebuildCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws XsbuildException {
        if (names.isEmpty() == srpms.isEmpty()) {
            throw usage(names.isEmpty() ? "Nothing to rebuild: give package NAMEs or --srpm FILEs"
                    : "Give package NAMEs or --srpm FILEs, not both");
        }
        Profile profile = environment.profile(context);
        Repo repo = environment.repo(context);
        if (!names.isEmpty() && repo == null) {
            throw usage("Rebuilding packages by name needs --repo DIR: their source packages come from it");
        }
        for (String define : defines) {
            if (!RpmbuildOptions.isDefine(define)) {
                throw usage("--define takes 'MACRO VALUE', as rpmbuild does, not '" + define + "'");
            }
        }
        List<SrpmSource> sources = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            sources.add(new RepoSrpm(name, repo));
        }
        for (Path srpm : srpms) {
            Path file = context.resolve(srpm);
            if (!Files.isRegularFile(file) || !file.getFileName().toString().endsWith(HostSrpm.SUFFIX)) {
                throw usage("No source RPM at " + file + " (a file ending in " + HostSrpm.SUFFIX + ")");
            }
            sources.add(new HostSrpm(file));
        }
        BuildSettings settings = new BuildSettings(new RpmbuildOptions(defines, with, without, nocheck, target),
                network, keep, shellOnFailure, context.terminal());
        RebuildRequest request = new RebuildRequest(profile, repo, sources, context.resolve(out),
                settings, image, context.env().get(Session.ENV));
        Console console = console(verbose);
        RebuildReport report;
        try {
            report = new Rebuild(context.connector(), verbose ? withoutProgress(console) : console,
                    Clock.systemUTC()).run(request);
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
            if (p.built()) {
                s.append(p.name()).append(": built in ").append(String.format(Locale.ROOT, "%.1f s", seconds)).append('\n');
                for (Artifact a : p.rpms()) {
                    s.append("  ").append(shown(outDir.resolve(a.path()))).append('\n');
                }
            } else {
                s.append(p.name()).append(": FAILED at ").append(p.failedStage()).append(", logs in ")
                        .append(shown(outDir.resolve(p.logs()))).append('\n');
            }
        }
        s.append("Results: ").append(shown(outDir.resolve(Rebuild.RESULT_FILE)));
        return s.toString();
    }

    private String shown(Path path) {
        return path.startsWith(context.workingDir()) ? context.workingDir().relativize(path).toString() : path.toString();
    }
}
