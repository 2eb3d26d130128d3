package io.xsbuild.cli;

import io.xsbuild.build.BuildSetup;
import io.xsbuild.build.source.HostSrpm;
import io.xsbuild.build.Rebuild;
import io.xsbuild.build.RebuildRequest;
import io.xsbuild.build.source.RepoSrpm;
import io.xsbuild.build.source.SrpmSource;
import io.xsbuild.error.XsbuildException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

@Command(name = "rebuild", header = "Rebuild source RPMs in containers: RPMs, logs and result.json out.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Rebuild source RPMs in containers: each package's SRPM is fetched by NAME from the repositories "
                    + "(--local-repo, each --repo in the order given, then the profile's own), or given with --srpm; "
                    + "its BuildRequires are installed from them, and rpmbuild --rebuild runs as an "
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
final class RebuildCommand extends BuildingCommand {

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Source packages to fetch from the repositories and rebuild.")
    List<String> names = new ArrayList<>();

    @Option(names = "--srpm", paramLabel = "FILE", arity = "1..*", description = "Source RPM files to rebuild instead.")
    List<Path> srpms = new ArrayList<>();

    RebuildCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws XsbuildException {
        if (names.isEmpty() == srpms.isEmpty()) {
            throw usage(names.isEmpty() ? "Nothing to rebuild: give package NAMEs or --srpm FILEs"
                    : "Give package NAMEs or --srpm FILEs, not both");
        }
        BuildSetup setup = build.setup(context);
        if (!names.isEmpty() && setup.repos().repos().isEmpty() && setup.repos().localRepo() == null
                && setup.profile().repositoryIds().isEmpty()) {
            throw usage("Rebuilding packages by name needs --repo: the " + setup.profile().name()
                    + " profile has no repositories of its own to fetch their source packages from");
        }
        List<SrpmSource> sources = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            sources.add(new RepoSrpm(name));
        }
        for (Path srpm : srpms) {
            Path file = context.resolve(srpm);
            if (!Files.isRegularFile(file) || !file.getFileName().toString().endsWith(HostSrpm.SUFFIX)) {
                throw usage("No source RPM at " + file + " (a file ending in " + HostSrpm.SUFFIX + ")");
            }
            sources.add(new HostSrpm(file));
        }
        RebuildRequest request = new RebuildRequest(setup, sources);
        return build(events -> new Rebuild(context.connector(), events, Clock.systemUTC()).run(request));
    }
}
