package io.xsbuild.build;

import io.xsbuild.container.ContainerSpec;
import io.xsbuild.container.LineSink;
import io.xsbuild.container.Step;
import io.xsbuild.error.FailedException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.image.EnvImage;
import io.xsbuild.image.Repo;
import io.xsbuild.profile.ImageLayout;
import io.xsbuild.profile.Profile;
import io.xsbuild.rpm.BuildRequires;
import io.xsbuild.session.EventLines;
import io.xsbuild.session.Session;
import io.xsbuild.session.SessionContainer;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One source package through its stages, in a container of its own: fetch (from wherever the
 * {@link SrpmSource} gets it), builddep (root.log), rpmbuild as the builder with the network cut
 * (build.log), collect (OUT/RPMS, OUT/SRPMS). A package that fails is a result, with its logs and
 * the last lines of the failed stage's; an engine that fails is an exception.
 */
public final class PackagePipeline {

    private static final Map<String, String> BUILDER_ENV = Map.of("HOME", ImageLayout.BUILDER_HOME);

    /**
     * Runs its arguments with standard error joined to standard output, line-buffered where
     * coreutils' stdbuf is there: a build's lines then reach build.log in the order they were
     * written, as on a terminal, instead of its output coming after the errors it preceded.
     */
    static final String LINE_BUFFERED = "command -v stdbuf >/dev/null 2>&1 && exec stdbuf -oL -eL \"$@\" 2>&1; "
            + "exec \"$@\" 2>&1";

    private final Session session;
    private final EnvImage image;
    private final Profile profile;
    private final Repo repo;
    private final BuildSettings settings;
    private final Path out;
    private final Events events;
    private final Clock clock;

    /**
     * @param repo the repository mounted in the container, or null for none
     * @param out  the output directory: RPMS/, SRPMS/ and logs/NAME/ go in it
     */
    public PackagePipeline(Session session, EnvImage image, Profile profile, Repo repo, BuildSettings settings, Path out,
                           Clock clock) {
        this.session = session;
        this.image = image;
        this.profile = profile;
        this.repo = repo;
        this.settings = settings;
        this.out = out;
        this.events = session.events();
        this.clock = clock;
    }

    /**
     * Builds one source package.
     *
     * @param imageSeconds how long finding or making the image took, recorded as the first stage
     */
    public PackageResult build(SrpmSource source, double imageSeconds) throws XsbuildException {
        String name = source.name();
        try (PackageLogs logs = PackageLogs.open(out.resolve("logs").resolve(name))) {
            StageClock stages = new StageClock(logs.state(), events, name, clock);
            stages.record("image", imageSeconds, image.tag() + " " + image.id());
            SessionContainer container = stages.run("container", "starting a container of " + image.tag(),
                    () -> session.start(containerSpec()));
            stages.note("container " + container.id() + " of session " + session.id());
            boolean removed = false;
            try {
                Outcome outcome = attempt(source, container, stages, logs);
                String kept = keep(container, name);
                if (kept == null) {
                    stages.run("remove", null, () -> {
                        session.discard(container);
                        return null;
                    });
                    removed = true;
                }
                return new PackageResult(name, outcome.status(), outcome.srpm(), outcome.rpms(), stages.seconds(),
                        container.busySeconds(), image.tag(), image.id(), out.relativize(logs.dir()).toString(),
                        outcome.failedStage(), outcome.error(), outcome.errorTail(), kept);
            } finally {
                if (!removed && !settings.keep()) {
                    session.discard(container);
                }
            }
        }
    }

    /** What the stages in the container came to: the packages, or where and why they failed. */
    private record Outcome(PackageResult.Status status, Artifact srpm, List<Artifact> rpms, String failedStage,
                           String error, List<String> errorTail) {
    }

    /** Fetch, builddep, rpmbuild, collect; a failure of the package (not of the engine) is an outcome. */
    private Outcome attempt(SrpmSource source, SessionContainer container, StageClock stages, PackageLogs logs)
            throws XsbuildException {
        String name = source.name();
        try {
            String srpm = stages.run("fetch", "fetching the source package",
                    () -> source.fetch(container, profile, logs.root()));
            if (warmFor(source)) {
                stages.run("builddep", "BuildRequires already in " + image.tag(), () -> {
                    logs.root().line(LineSink.Stream.STDOUT, "The BuildRequires of " + name + " are installed in "
                            + image.tag() + ", made for it from this state of the repository (repomd.xml sha256 "
                            + image.repomd() + "): nothing to install.");
                    return null;
                });
            } else {
                stages.run("builddep", "installing its BuildRequires", () -> {
                    new BuildRequires(profile.packageManager()).install(container, List.of(srpm),
                            logs.root().and(EventLines.of(events, "root.log")));
                    return null;
                });
            }
            stages.run("rpmbuild", "rpmbuild" + (settings.network() ? " (network on)" : " (network cut)"), () -> {
                if (!settings.network()) {
                    container.cutNetwork();
                    stages.note("network: cut, rpmbuild sees only lo");
                }
                return rpmbuild(container, name, srpm, logs);
            });
            Collector.Collected collected = stages.run("collect", "collecting the packages",
                    () -> new Collector(out).collect(container, srpm, session.id() + "-" + name));
            events.info(name + ": built " + collected.rpms().size() + (collected.rpms().size() == 1 ? " package" : " packages"));
            return new Outcome(PackageResult.Status.BUILT, collected.srpm(), collected.rpms(), null, null, List.of());
        } catch (XsbuildException e) {
            if (e.kind() != XsbuildException.Kind.FAILED) {
                throw e;
            }
            String stage = stages.current();
            List<String> tail = "rpmbuild".equals(stage) ? logs.build().tail()
                    : "builddep".equals(stage) ? logs.root().tail() : List.of();
            if (settings.shellOnFailure()) {
                shell(container, name, stage);
            }
            return new Outcome(PackageResult.Status.FAILED, null, List.of(), stage, e.userMessage(), tail);
        }
    }

    /**
     * Whether the image is a warm one made for this very package from this very state of the
     * repository: then its BuildRequires are installed already, and builddep would do nothing.
     */
    private boolean warmFor(SrpmSource source) {
        return image.warm() && repo != null && source.repositoryPackage() != null
                && image.builddeps().contains(source.repositoryPackage()) && repo.repomdSha256().equals(image.repomd());
    }

    private ContainerSpec.Builder containerSpec() {
        ContainerSpec.Builder spec = ContainerSpec.builder(image.tag())
                .network("bridge")
                .hostname("xsbuild")
                .workingDir(ImageLayout.BUILDER_HOME);
        if (repo != null) {
            spec.mount(repo.mount());
        }
        return spec;
    }

    private Void rpmbuild(SessionContainer container, String name, String srpm, PackageLogs logs) throws XsbuildException {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", LINE_BUFFERED, "line-buffered",
                "rpmbuild", "--rebuild", "--define", "_topdir " + ImageLayout.TOPDIR));
        argv.addAll(settings.rpmbuild().arguments());
        argv.add(srpm);
        RpmbuildProgress progress = new RpmbuildProgress(events, name + ": rpmbuild");
        int exit;
        try {
            exit = container.run(new Step(argv, ImageLayout.BUILDER, ImageLayout.BUILDER_HOME, BUILDER_ENV),
                    logs.build().and(EventLines.of(events, "build.log")).and(progress));
        } finally {
            progress.done();
        }
        if (exit != 0) {
            throw new FailedException("rpmbuild of " + source(srpm) + " failed (exit " + exit + ")",
                    "its log: " + logs.build().path(), null);
        }
        return null;
    }

    /** Leaves the container in place when asked to, and says how to enter it. */
    private String keep(SessionContainer container, String name) {
        if (!settings.keep()) {
            return null;
        }
        session.keep(container);
        events.info(name + ": kept container " + container.shortId() + "; enter it with: docker exec -it -u "
                + ImageLayout.BUILDER + " " + container.shortId() + " bash -l");
        return container.id();
    }

    private void shell(SessionContainer container, String name, String stage) {
        if (!settings.interactive()) {
            events.warn(name + ": no terminal, so no shell in the failed container (--shell-on-failure)");
            return;
        }
        events.info(name + ": " + stage + " failed; a shell in its container (exit it to go on)");
        String dir = "rpmbuild".equals(stage) ? ImageLayout.TOPDIR + "/BUILD" : ImageLayout.BUILDER_HOME;
        try {
            container.attach(new Step(List.of("bash", "-l"), ImageLayout.BUILDER, dir, BUILDER_ENV), true);
        } catch (XsbuildException e) {
            events.warn(name + ": cannot open a shell in container " + container.shortId() + ": " + e.userMessage());
        }
    }

    private static String source(String srpm) {
        return srpm.substring(srpm.lastIndexOf('/') + 1);
    }
}
