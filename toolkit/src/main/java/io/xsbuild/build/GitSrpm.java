package io.xsbuild.build;

import io.xsbuild.container.LineSink;
import io.xsbuild.container.Step;
import io.xsbuild.error.FailedException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.profile.ImageLayout;
import io.xsbuild.profile.Profile;
import io.xsbuild.rpm.ToolOutput;
import io.xsbuild.session.SessionContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The source package of a git checkout, made in the build container: the top dir {@link SourcePreparer}
 * filled on the host (the stamped spec, Source0 made of the commit, the other sources) is copied in, and
 * {@code rpmbuild -bs} runs there as the builder, with the user's options, the commit time as
 * {@code SOURCE_DATE_EPOCH} and no git repository reachable above the top dir. Its {@code rpmbuild --rebuild}
 * gets the same environment and reproducibility macros.
 *
 * @param options the user's rpmbuild options, which decide the source package's BuildRequires too
 */
public record GitSrpm(PreparedSources sources, RpmbuildOptions options) implements SrpmSource {

    /** Where the top dir goes in the container: always the same, as rpm records it in the source package. */
    static final String TOPDIR = ImageLayout.WORK + "/git";

    public GitSrpm {
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(options, "options");
    }

    @Override
    public String name() {
        return sources.name();
    }

    @Override
    public String stage() {
        return "srpm";
    }

    @Override
    public String action() {
        return "making the source package of " + sources.describe() + " (rpmbuild -bs)";
    }

    @Override
    public String fetch(SessionContainer container, Profile profile, LineSink log) throws XsbuildException {
        HelperStep.run(container, Step.of("mkdir", "-p", TOPDIR), log, "Cannot make " + TOPDIR);
        container.copyIn(sources.specFile().getParent(), TOPDIR);
        container.copyIn(sources.sourcesDir(), TOPDIR);
        HelperStep.run(container, Step.of("chown", "-R", ImageLayout.BUILDER + ":", TOPDIR), log,
                "Cannot give " + TOPDIR + " to " + ImageLayout.BUILDER);
        String spec = TOPDIR + "/SPECS/" + sources.specFile().getFileName();
        List<String> command = new ArrayList<>(List.of("rpmbuild", "-bs"));
        command.addAll(rpmbuildDefines(TOPDIR));
        command.addAll(options.arguments());
        command.add(spec);
        ToolOutput output = new ToolOutput(log);
        int exit = container.run(BuilderStep.lineBuffered(command, TOPDIR, rpmbuildEnvironment(TOPDIR)), output);
        if (exit != 0) {
            throw new FailedException("rpmbuild -bs of " + sources.specFile().getFileName() + " failed (exit " + exit + ")"
                    + (output.summary() == null ? "" : ": " + output.summary()), "its output is in root.log", null);
        }
        return srpmIn(container, TOPDIR + "/SRPMS");
    }

    @Override
    public List<String> rpmbuildDefines(String topDir) {
        return sources.rpmbuildDefines(topDir);
    }

    @Override
    public Map<String, String> rpmbuildEnvironment(String topDir) {
        return sources.rpmbuildEnvironment(topDir);
    }

    @Override
    public GitOrigin origin() {
        return GitOrigin.of(sources);
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
