package io.xsbuild.build.source;

import io.xsbuild.session.BuilderStep;
import io.xsbuild.session.HelperStep;
import io.xsbuild.container.LineSink;
import io.xsbuild.container.Step;
import io.xsbuild.error.FailedException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.profile.ContainerLayout;
import io.xsbuild.profile.Profile;
import io.xsbuild.packages.ToolOutput;
import io.xsbuild.session.SessionContainer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A spec and its sources on the host, made into a source package in the build container: their
 * folders are copied under {@code TOPDIR} and {@code rpmbuild -bs} runs there as the builder. {@link GitSrpm} makes its source package this way too.
 *
 * @param name    the package's name, which its logs and result go under
 * @param tree    the spec and the directory of its sources
 * @param options the user's rpmbuild options, which decide the source package's BuildRequires too
 */
public record SpecSrpm(String name, SpecTree tree, RpmbuildOptions options) implements SrpmSource {

    /** Where the top dir goes in the container: always the same, as rpm records it in the source package. */
    public static final String TOPDIR = ContainerLayout.WORK + "/spec";

    public SpecSrpm {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(options, "options");
    }

    @Override
    public String stage() {
        return "srpm";
    }

    @Override
    public String action() {
        return "making the source package of " + tree.specFile().getFileName() + " (rpmbuild -bs)";
    }

    @Override
    public String fetch(SessionContainer container, Profile profile, LineSink log) throws XsbuildException {
        return make(container, tree, TOPDIR, rpmbuildDefines(TOPDIR), rpmbuildEnvironment(TOPDIR), options, log);
    }

    /**
     * Copies the spec's folder and the sources' folder into {@code topDir} of the container and runs
     * {@code rpmbuild -bs} there as the builder, with {@code %_sourcedir} at the copied sources.
     *
     * @return the path of the one source package it made, in the container
     */
    public static String make(SessionContainer container, SpecTree tree, String topDir, List<String> defines,
                       Map<String, String> env, RpmbuildOptions options, LineSink log) throws XsbuildException {
        Path specDir = tree.specFile().toAbsolutePath().getParent();
        Path sourcesDir = tree.sourcesDir().toAbsolutePath();
        HelperStep.run(container, Step.of("mkdir", "-p", topDir), log, "Cannot make " + topDir);
        container.copyIn(specDir, topDir);
        if (!sourcesDir.equals(specDir)) {
            container.copyIn(sourcesDir, topDir);
        }
        HelperStep.run(container, Step.of("chown", "-R", ContainerLayout.BUILDER + ":", topDir), log,
                "Cannot give " + topDir + " to " + ContainerLayout.BUILDER);
        List<String> command = new ArrayList<>(List.of("rpmbuild", "-bs"));
        command.addAll(defines);
        command.addAll(List.of("--define", "_sourcedir " + topDir + "/" + sourcesDir.getFileName()));
        command.addAll(options.arguments());
        command.add(topDir + "/" + specDir.getFileName() + "/" + tree.specFile().getFileName());
        ToolOutput output = new ToolOutput(log);
        int exit = container.run(BuilderStep.lineBuffered(command, topDir, env), output);
        if (exit != 0) {
            throw new FailedException("rpmbuild -bs of " + tree.specFile().getFileName() + " failed (exit " + exit + ")"
                    + (output.summary() == null ? "" : ": " + output.summary()), "its output is in root.log", null);
        }
        return srpmIn(container, topDir + "/SRPMS");
    }

    private static String srpmIn(SessionContainer container, String dir) throws XsbuildException {
        List<String> found = new ArrayList<>();
        container.run(Step.of("find", dir, "-maxdepth", "1", "-name", "*" + HostSrpm.SUFFIX), (stream, line) -> {
            if (stream == LineSink.Stream.STDOUT && !line.isBlank()) {
                found.add(line.strip());
            }
        });
        if (found.size() != 1) {
            throw new FailedException("rpmbuild -bs left " + found.size() + " source packages in " + dir
                    + " of container " + container.shortId() + ", not one");
        }
        return found.get(0);
    }
}
