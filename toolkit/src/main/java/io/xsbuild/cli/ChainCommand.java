package io.xsbuild.cli;

import io.xsbuild.chain.Chain;
import io.xsbuild.chain.ChainEngine;
import io.xsbuild.chain.ChainGraph;
import io.xsbuild.chain.ChainInput;
import io.xsbuild.chain.ChainReport;
import io.xsbuild.chain.ChainRequest;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.files.CacheHome;
import io.xsbuild.git.Checkouts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@Command(name = "chain", header = "Build packages in the order they need, in parallel, reusing builds.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Build packages that BuildRequire each other: source packages, spec folders, git checkouts and names of "
                    + "source packages in the repositories, mixed. Each one's BuildRequires and what its spec makes are "
                    + "read in a container of the profile, and the packages are built in that order: a library before "
                    + "its dependents, independent packages at once (--jobs). Each finished package's RPMs are published "
                    + "into the chain's repository, first in priority, before a package that needs them starts.",
            "A build whose inputs are those of an earlier one (its source package or tree, the image, the options, "
                    + "and the chain's packages it builds against) is not made again: its packages come from the cache "
                    + "(~/.cache/xsbuild/chain; --no-cache ignores it). A changed library rebuilds its dependents.",
            "Out come OUT/RPMS/, OUT/SRPMS/, OUT/logs/NAME/ and one OUT/result.json for the chain: each package built, "
                    + "reused, failed or skipped, and why. Exits 0 when every package is built or reused, 1 when one "
                    + "failed (with --continue, what does not depend on it still builds), 2 on a usage error (a cycle, "
                    + "named), 3 when the machine lacks something.",
            "--plan prints the graph instead of building (--format json), or a GitLab child pipeline or a GitHub "
                    + "Actions workflow whose jobs each build one package, with needs: as the graph says."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  xsbuild chain --profile testbase examples/packages/*",
            "  xsbuild chain --repo ~/xs/current ~/src/xs-opam ~/src/xapi xcp-networkd --jobs 4",
            "  xsbuild chain --repo ~/xs/current --continue --json ./patched/*.src.rpm > chain.json",
            "  xsbuild chain --engine unix:///var/run/docker.sock --engine tcp://builder2:2375 --repo https://repo/xs/ ...",
            "  xsbuild chain --plan --format gitlab --repo https://repo/xs/ ~/src/* > chain-pipeline.yml"})
final class ChainCommand extends XsbuildSubcommand {

    /** Options that say how the chain itself runs, not how a package builds: not passed on to a plan's jobs. */
    private static final Set<String> CHAIN_ONLY = Set.of("--plan", "--format", "--jobs", "--engine", "--continue",
            "--no-cache", "--out", "--json", "--keep", "--shell-on-failure", "--verbose", "--stacktrace");

    enum Format { json, gitlab, github }

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "A .src.rpm, a folder with a spec, a git checkout (path or URL), or a source package's name.")
    List<String> inputs = new ArrayList<>();

    @Mixin
    BuildOptions build;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Builds at once, over all the engines (default: as many as the engines' machines have processors).")
    int jobs;

    @Option(names = "--continue", description = "After a failure, still build what does not depend on it.")
    boolean keepGoing;

    @Option(names = "--no-cache", description = "Build every package, even one whose inputs did not change.")
    boolean noCache;

    @Option(names = "--engine", paramLabel = "URL",
            description = "Build on the engine at this DOCKER_HOST URL; give it once per engine to spread the builds over "
                    + "several, each running as many as its machine has processors (default: the engine DOCKER_HOST names).")
    List<String> engines = new ArrayList<>();

    @Option(names = "--plan", description = "Print the chain's graph (--format) instead of building it.")
    boolean plan;

    @Option(names = "--format", paramLabel = "json|gitlab|github", defaultValue = "json",
            description = "What --plan prints: the graph as JSON, a GitLab child pipeline, or a GitHub Actions workflow.")
    Format format;

    ChainCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws XsbuildException {
        if (jobs < 0) {
            throw usage("--jobs takes 1 or more, not " + jobs);
        }
        if (given("--format") && !plan) {
            throw usage("--format goes with --plan");
        }
        List<ChainInput> parsed = new ArrayList<>();
        for (String input : inputs) {
            parsed.add(ChainInput.of(input, context.workingDir()));
        }
        List<ChainEngine> pool = new ArrayList<>();
        if (engines.isEmpty()) {
            pool.add(ChainEngine.found(context.connector()));
        } else {
            for (String url : engines) {
                pool.add(new ChainEngine(url, context.connectorFor(url)));
            }
        }
        ChainRequest request = new ChainRequest(parsed, build.setup(context), jobs, keepGoing, !noCache, engines);
        Console console = console(build.verbose);
        Chain chain = new Chain(pool, Checkouts.defaultCacheRoot(context.env()), CacheHome.of(context.env()).resolve("chain"),
                console, Clock.systemUTC());
        if (plan) {
            ChainGraph graph;
            try {
                graph = chain.plan(request);
            } finally {
                console.close();
            }
            context.out().print(new ChainPlan(graph, forwarded()).render(format.name()));
            context.out().flush();
            return ExitCodes.OK;
        }
        ChainReport report;
        try {
            report = chain.run(request);
        } finally {
            console.close();
        }
        ChainReportText view = new ChainReportText(context);
        view.reportFailures(report);
        print(report, view::text);
        return report.ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** The options given that decide how a package builds, as typed: what each job of a plan passes on. */
    private List<String> forwarded() {
        List<String> args = new ArrayList<>();
        for (CommandLine.Model.OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            if (CHAIN_ONLY.contains(option.longestName())) {
                continue;
            }
            List<String> values = option.originalStringValues();
            if (option.arity().max() == 0) {
                args.add(option.longestName());
            } else {
                for (String value : values) {
                    args.add(option.longestName() + "=" + value);
                }
            }
        }
        return args;
    }
}
