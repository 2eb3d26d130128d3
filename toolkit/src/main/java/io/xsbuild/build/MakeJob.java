package io.xsbuild.build;

import io.xsbuild.build.output.Artifact;
import io.xsbuild.build.output.BuildOutputs;
import io.xsbuild.build.output.DirectorySnapshot;
import io.xsbuild.build.output.Outputs;
import io.xsbuild.build.output.PackageLogs;
import io.xsbuild.build.source.GitOrigin;
import io.xsbuild.build.source.PreparedTree;
import io.xsbuild.session.BuilderStep;
import io.xsbuild.session.HelperStep;
import io.xsbuild.container.LineSink;
import io.xsbuild.container.Step;
import io.xsbuild.error.FailedException;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.profile.ContainerLayout;
import io.xsbuild.packages.SourceDownload;
import io.xsbuild.session.EventLines;
import io.xsbuild.session.SessionContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code --make} build of a checkout's copy: copied into the container and given to the builder, the
 * BuildRequires of {@code --package} (or of the checkout's spec) installed (root.log), {@code make TARGET}
 * run as the builder with the network cut (build.log), and the files it made, or those matching
 * {@code --artifacts}, brought out into {@code OUT/artifacts/}, their paths kept.
 */
record MakeJob(PreparedTree tree, MakeRequest make) implements BuildJob {

    /** The environment variable that tells make what {@code git describe --tags --always --dirty} said. */
    static final String DESCRIBE_ENV = "XSBUILD_GIT_DESCRIBE";

    /** Where files to bring out are gathered, as OUT/artifacts/ will hold them. */
    static final String ARTIFACTS = ContainerLayout.BUILDER_HOME + "/artifacts";

    @Override
    public String name() {
        return tree.name();
    }

    @Override
    public String repositoryPackage() {
        return make.packageName();
    }

    @Override
    public GitOrigin origin() {
        return GitOrigin.of(tree);
    }

    /** The copy in the container: the builder's, below its home, where no git repository is seen above it. */
    String dir() {
        return ContainerLayout.BUILDER_HOME + "/" + tree.dir().getFileName();
    }

    @Override
    public Outputs run(JobContext context, SessionContainer container, StageClock stages, PackageLogs logs)
            throws XsbuildException {
        stages.run("copy", "copying " + tree.describe() + " in", () -> {
            container.copyIn(tree.dir(), ContainerLayout.BUILDER_HOME);
            HelperStep.run(container, Step.of("chown", "-R", ContainerLayout.BUILDER + ":", dir()), logs.root(),
                    "Cannot give " + dir() + " to " + ContainerLayout.BUILDER);
            return null;
        });
        context.builddep(container, stages, logs, name(), make.packageName(), () -> requirers(context, container, logs));
        String command = String.join(" ", make.command());
        DirectorySnapshot before = stages.run("make", command + context.network(), logs.build(), () -> {
            DirectorySnapshot snapshot = snapshot(container);
            context.cutNetwork(container, stages, "make");
            int exit = container.run(BuilderStep.lineBuffered(make.command(), dir(), environment()),
                    logs.build().and(EventLines.of(context.events(), "build.log")));
            if (exit != 0) {
                throw new FailedException(command + " in " + name() + " failed (exit " + exit + ")",
                        "its log: " + logs.build().path(), null);
            }
            return snapshot;
        });
        List<Artifact> files = stages.run("collect", "collecting what make made", () -> collect(context, container, before));
        context.events().info(name() + ": " + command + " made " + files.size() + (files.size() == 1 ? " file" : " files"));
        return new Outputs(null, List.of(), files);
    }

    @Override
    public String shellDir(String failedStage) {
        return dir();
    }

    /** The files whose BuildRequires to install: the source package of --package, else the spec, else none. */
    private List<String> requirers(JobContext context, SessionContainer container, PackageLogs logs) throws XsbuildException {
        if (make.packageName() != null) {
            return List.of(new SourceDownload(context.profile().packageManager())
                    .fetch(container, make.packageName(), logs.root()));
        }
        return tree.spec() == null ? List.of() : List.of(dir() + "/" + tree.spec());
    }

    /**
     * What make runs with: the commit time; a ceiling that keeps git from finding a repository above the
     * copy, which has none of its own; and what git describe said of the checkout, for a Makefile to use.
     */
    private Map<String, String> environment() {
        return Map.of("SOURCE_DATE_EPOCH", Long.toString(tree.sourceDateEpoch()),
                "GIT_CEILING_DIRECTORIES", ContainerLayout.BUILDER_HOME,
                DESCRIBE_ENV, tree.describe());
    }

    private DirectorySnapshot snapshot(SessionContainer container) throws XsbuildException {
        StringBuilder listing = new StringBuilder();
        HelperStep.run(container, BuilderStep.plain(List.of("sh", "-c", DirectorySnapshot.FIND_COMMAND), dir()),
                (stream, line) -> listing.append(line).append('\n'), "Cannot list the files of " + dir());
        try {
            return DirectorySnapshot.parseFind(listing.toString());
        } catch (IllegalArgumentException e) {
            throw new FailedException("Cannot tell what make made in " + dir() + ": " + e.getMessage(),
                    "xsbuild cannot follow file names with tabs or line breaks", e);
        }
    }

    private List<Artifact> collect(JobContext context, SessionContainer container, DirectorySnapshot before)
            throws XsbuildException {
        List<String> chosen = BuildOutputs.select(before, snapshot(container), make.artifacts());
        if (chosen.isEmpty()) {
            if (!make.artifacts().isEmpty()) {
                throw new FailedException(Phrase.of("No file of ", name(), " matches ", MakeRequest.Field.ARTIFACTS, " ",
                        String.join(", ", make.artifacts()), " after ", String.join(" ", make.command())), null, null);
            }
            context.events().warn(name() + ": " + String.join(" ", make.command()) + " added or changed no file");
            return List.of();
        }
        HelperStep.run(container, BuilderStep.plain(List.of("mkdir", "-p", ARTIFACTS), dir()), LineSink.DISCARD,
                "Cannot make " + ARTIFACTS);
        List<String> copy = new ArrayList<>(List.of("cp", "-p", "--parents", "-t", ARTIFACTS, "--"));
        copy.addAll(chosen);
        HelperStep.run(container, BuilderStep.plain(copy, dir()), LineSink.DISCARD,
                "Cannot gather the files to bring out in " + ARTIFACTS);
        return context.collector().files(container, ARTIFACTS, context.stagingName(name()));
    }
}
