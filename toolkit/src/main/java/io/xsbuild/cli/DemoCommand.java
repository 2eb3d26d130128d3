package io.xsbuild.cli;

import io.xsbuild.demo.Demo;
import io.xsbuild.demo.DemoReport;
import io.xsbuild.demo.DemoRequest;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.files.CacheHome;
import io.xsbuild.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "demo", header = "Build, publish and rebuild the example packages, offline.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Show the whole of xsbuild on its example packages, offline: build them in containers, pack them into a "
                    + "snapshot like XenServer's (a binpkg ISO with .treeinfo and a comps group, a source ISO), publish "
                    + "the ISOs as a yum repository, make a warm image from it, and rebuild one package from its source "
                    + "package in the repository. Prints where the RPMs are.",
            "The profile is el9 where a registry answers, else testbase (its base image made with debootstrap when "
                    + "missing, which takes root). What each step made is kept in DIR with a stamp of its inputs, so a "
                    + "second run only rebuilds the package."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  xsbuild demo",
            "  xsbuild demo --profile testbase --package xsdemo-tools --out /tmp/demo-out",
            "  xsbuild demo --dir ./demo --json | jq -r '.rebuild.packages[].rpms[].path'",
            "  xsbuild rebuild --profile testbase --repo ./demo/testbase/repo/current xsdemo-tools"})
final class DemoCommand extends XsbuildSubcommand {

    /** Where the launcher says the xsbuild checkout is. */
    static final String HOME_ENV = "XSBUILD_HOME";

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "Build in this profile instead (el7, el9, testbase); its base image must be there or pullable.")
    String profile;

    @Option(names = "--package", paramLabel = "NAME", defaultValue = "xsdemo-hello",
            description = "The example package rebuilt from the demo repository (default: ${DEFAULT-VALUE}).")
    String rebuild;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "xsbuild-out",
            description = "Where the rebuilt package's RPMs, logs and result.json go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where the demo keeps its packages, ISOs and repository between runs "
                    + "(default: $XDG_CACHE_HOME/xsbuild/demo, else ~/.cache/xsbuild/demo).")
    Path dir;

    @Option(names = "--examples", paramLabel = "DIR",
            description = "The example package folders, each a spec and its sources (default: examples/packages "
                    + "of the xsbuild checkout).")
    Path examples;

    @Option(names = {"-v", "--verbose"}, description = "Show debug messages and the output of the builds.")
    boolean verbose;

    DemoCommand(CliContext context) {
        super(context);
    }

    DemoRequest request() {
        Path home = context.env().containsKey(HOME_ENV) ? context.resolve(Path.of(context.env().get(HOME_ENV)))
                : context.workingDir();
        return new DemoRequest(
                examples == null ? home.resolve("examples").resolve("packages") : context.resolve(examples),
                dir == null ? CacheHome.of(context.env()).resolve("demo") : context.resolve(dir),
                context.resolve(out), profile, rebuild, home, context.env().get(Session.ENV));
    }

    @Override
    public Integer call() throws XsbuildException {
        DemoRequest request = request();
        Console console = console(verbose);
        DemoReport report;
        try {
            report = new Demo(context.connector(), console).run(request);
        } finally {
            console.close();
        }
        BuildReportText view = new BuildReportText(context);
        view.reportFailures(report.rebuild());
        print(report, r -> text(r, view));
        return report.rebuild().ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static String text(DemoReport r, BuildReportText view) {
        return view.text(r.rebuild()) + "\n"
                + "Snapshot ISOs: " + String.join(" ", r.isos()) + "\n"
                + "Repository:    " + r.repo() + "\n"
                + "Image:         " + r.image() + "\n"
                + "Next: xsbuild rebuild --profile " + r.profile() + " --repo " + r.repo() + " xsdemo-tools\n"
                + "      xsbuild shell --profile " + r.profile() + " --repo " + r.repo();
    }
}
