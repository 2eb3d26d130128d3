package io.xsbuild.cli;

import io.xsbuild.build.source.BuildRequest;
import io.xsbuild.build.source.Versioning;
import io.xsbuild.build.GitBuild;
import io.xsbuild.build.GitBuildRequest;
import io.xsbuild.build.MakeRequest;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.git.Checkouts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

@Command(name = "build", header = "Build a git checkout in a container, versioned by git describe.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Build a git checkout in a container, versioned by git describe as XenServer's builds were: the spec's "
                    + "Release gets +s0+ and the description (1%%{?dist} at 0.10.0-8-g96c3fcc becomes "
                    + "1+s0+0.10.0+8+g96c3fcc%%{?dist}), Source0 is a reproducible tarball of the commit unless the "
                    + "checkout carries it, and the source package is made and rebuilt as rebuild does: BuildRequires "
                    + "from the repositories, rpmbuild "
                    + "as an unprivileged user with the network cut. Out come OUT/RPMS/ARCH/, OUT/SRPMS/, "
                    + "OUT/logs/NAME/{build,root,state}.log and OUT/result.json; no container is left behind.",
            "A package repository (SPECS/NAME.spec with its Source0 in SOURCES/, as XCP-ng's are) is built as its "
                    + "spec has it, "
                    + "its sources taken from SOURCES/ (Git LFS pointers fetched with git lfs pull, or refused), unless "
                    + "--versioning describe. PATH may be the folder of one package in a checkout of several.",
            "With --make, make TARGET runs in a copy of the checkout's tracked files instead, after the BuildRequires "
                    + "of --package NAME (a source package of the repository), else of the checkout's spec, else none, "
                    + "are installed; the files it made, or those matching --artifacts, come out into OUT/artifacts/.",
            "Exits 0 when built, 1 when the build failed (its logs kept, the end of its log shown), 2 on a usage "
                    + "error (no tag without --always, no spec or several), 3 when the machine lacks something."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  xsbuild build --repo ./repo ~/src/xcp-networkd",
            "  xsbuild build --repo ./repo --ref v1.2 file:///srv/git/xapi.git",
            "  xsbuild build --profile xcpng-8.3 ~/src/xcp-ng-rpms/xcp-networkd",
            "  xsbuild build --profile testbase --always --define 'dist .xs8' --json .",
            "  xsbuild build --repo ./repo . --make --package xcp-networkd",
            "  xsbuild build --repo ./repo . --make=test --artifacts '_build/**' --keep"})
final class BuildCommand extends BuildingCommand {

    @Parameters(paramLabel = "PATH|GIT_URL", arity = "0..1",
            description = "A directory in a git checkout, or a git URL (file://, https://) to clone.")
    String source;

    @Option(names = "--ref", paramLabel = "REF", description = "Build this branch, tag or commit (fetched into a cache).")
    String ref;

    @Option(names = "--spec", paramLabel = "FILE",
            description = "The spec, relative to the checkout's root (default: the one *.spec at the root or in SPECS/).")
    Path spec;

    @Option(names = "--match", paramLabel = "PATTERN", description = "Version by the nearest tag matching this glob.")
    String match;

    @Option(names = "--version-from-tag", description = "Set the spec's Version from the tag too (a leading v dropped).")
    boolean versionFromTag;

    @Option(names = "--always", description = "Version history with no tag by the abbreviated commit id.")
    boolean always;

    @Option(names = "--versioning", paramLabel = "describe|spec",
            description = "describe: stamp the spec's Release with git describe; spec: build the spec as it is. Default: "
                    + "spec for a package repository (SPECS/NAME.spec, its Source0 in SOURCES/, as XCP-ng lays its packages out), "
                    + "else describe.")
    Versioning versioning;

    @Option(names = "--make", paramLabel = "TARGET", arity = "0..1",
            description = "Run make TARGET (make's default target without one) in a copy of the checkout, not rpmbuild.")
    String make;

    @Option(names = "--package", paramLabel = "NAME",
            description = "With --make: install the BuildRequires of this source package of the repository.")
    String packageName;

    @Option(names = "--artifacts", paramLabel = "GLOB",
            description = "With --make: bring out the files matching GLOB (default: every file make added or changed).")
    List<String> artifacts = new ArrayList<>();

    BuildCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws XsbuildException {
        if (source == null) {
            throw usage("Give the checkout to build: a PATH in it or a GIT_URL" + (make == null || make.isEmpty() ? ""
                    : " (--make took '" + make + "' as its TARGET: write --make=TARGET, or put PATH before --make)"));
        }
        MakeRequest makeRequest = make == null ? null : makeRequest();
        if (make != null && given("--versioning")) {
            throw usage("--versioning is for rpmbuild, which --make does not run");
        }
        if (make == null && (given("--package") || given("--artifacts"))) {
            throw usage((given("--package") ? "--package" : "--artifacts") + " goes with --make");
        }
        String location = Checkouts.isUrl(source) ? source
                : context.resolve(PathArgument.of(super.spec.commandLine(), "PATH", source)).toString();
        GitBuildRequest request = new GitBuildRequest(new BuildRequest(location, ref, spec, match, versionFromTag, always, versioning),
                makeRequest, build.setup(context));
        return build(events -> new GitBuild(context.connector(), Checkouts.defaultCacheRoot(context.env()), events,
                Clock.systemUTC()).run(request));
    }

    /** The --make build asked for, refusing what only an rpmbuild would use. */
    private MakeRequest makeRequest() {
        List<String> refused = new ArrayList<>(given(build.rpmbuild));
        if (given("--version-from-tag")) {
            refused.add("--version-from-tag");
        }
        if (!refused.isEmpty()) {
            throw usage(String.join(", ", refused) + (refused.size() == 1 ? " is" : " are")
                    + " for rpmbuild, which --make does not run");
        }
        if (given("--package") && given("--spec")) {
            throw usage("Give --package or --spec, not both: each names where the BuildRequires of --make come from");
        }
        return new MakeRequest(make, packageName, artifacts);
    }
}
