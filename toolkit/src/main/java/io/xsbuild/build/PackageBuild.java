package io.xsbuild.build;

import io.xsbuild.build.output.Outputs;
import io.xsbuild.build.output.PackageLogs;
import io.xsbuild.build.output.PackageResult;
import io.xsbuild.build.source.SrpmSource;
import io.xsbuild.session.BuilderStep;
import io.xsbuild.container.ContainerSpec;
import io.xsbuild.container.Labels;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.image.EnvImage;
import io.xsbuild.repository.ContainerRepos;
import io.xsbuild.profile.ContainerLayout;
import io.xsbuild.profile.Profile;
import io.xsbuild.session.Session;
import io.xsbuild.session.SessionContainer;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * One build in a container of its own: the container started, the job's stages run and timed in
 * state.log, the container kept or removed. A build that fails is a result, with its logs and the
 * last lines of the failed stage's; an engine that fails is an exception.
 */
public final class PackageBuild {

    private final JobContext context;
    private final Events events;
    private final Clock clock;

    /**
     * @param repos how the run's repositories reach the container
     * @param out  the output directory: RPMS/, SRPMS/ and logs/NAME/ go in it
     */
    public PackageBuild(Session session, EnvImage image, Profile profile, ContainerRepos repos, BuildSettings settings,
                        Path out, Clock clock) {
        this.context = new JobContext(session, image, profile, repos, settings, out);
        this.events = session.events();
        this.clock = clock;
    }

    /**
     * Builds one source package: fetch, builddep, rpmbuild, collect.
     *
     * @param imageSeconds how long finding or making the image took, recorded as the first stage
     */
    public PackageResult build(SrpmSource source, double imageSeconds) throws XsbuildException {
        return run(new RpmJob(source), imageSeconds);
    }

    PackageResult run(BuildJob job, double imageSeconds) throws XsbuildException {
        String name = job.name();
        Session session = context.session();
        EnvImage image = context.image();
        try (PackageLogs logs = PackageLogs.open(context.out().resolve("logs").resolve(name))) {
            StageClock stages = new StageClock(logs.state(), events, name, clock);
            stages.record("image", imageSeconds, image.tag() + " " + image.id());
            long[] copied = {0};
            SessionContainer container = stages.run("container", "starting a container of " + image.tag(), () -> {
                SessionContainer started = session.start(containerSpec());
                try {
                    copied[0] = context.repos().apply(started);
                } catch (XsbuildException | RuntimeException e) {
                    session.discard(started);
                    throw e;
                }
                return started;
            });
            stages.note("container " + container.id() + " of session " + session.id());
            if (container.remote() && copied[0] > 0) {
                stages.note("repositories: " + copied[0] + " bytes copied in, the engine " + container.engine()
                        + " being on another machine");
            }
            boolean removed = false;
            try {
                Outcome outcome = attempt(job, container, stages, logs);
                String kept = keep(container, name);
                if (kept == null) {
                    stages.run("remove", null, () -> {
                        session.discard(container);
                        return null;
                    });
                    removed = true;
                }
                Outputs made = outcome.made();
                return new PackageResult(name, outcome.status(), made.srpm(), made.rpms(), made.files(), job.origin(),
                        stages.seconds(), container.busySeconds(), image.tag(), image.id(),
                        context.out().relativize(logs.dir()).toString(), outcome.failedStage(), outcome.error(),
                        outcome.errorTail(), kept);
            } finally {
                if (!removed && !context.settings().keep()) {
                    session.discard(container);
                }
            }
        }
    }

    /** What the stages in the container came to: what they made, or where and why they failed. */
    private record Outcome(PackageResult.Status status, Outputs made, String failedStage, Phrase error,
                           List<String> errorTail) {
    }

    /** The job's stages; a failure of the build (not of the engine) is an outcome. */
    private Outcome attempt(BuildJob job, SessionContainer container, StageClock stages, PackageLogs logs)
            throws XsbuildException {
        try {
            return new Outcome(PackageResult.Status.BUILT, job.run(context, container, stages, logs), null, null, List.of());
        } catch (XsbuildException e) {
            if (e.kind() != XsbuildException.Kind.FAILED) {
                throw e;
            }
            String stage = stages.current();
            List<String> tail = stages.currentTail();
            if (context.settings().shellOnFailure()) {
                shell(container, job, stage);
            }
            return new Outcome(PackageResult.Status.FAILED, new Outputs(null, List.of(), List.of()), stage, e.userPhrase(), tail);
        }
    }

    private ContainerSpec.Builder containerSpec() {
        ContainerSpec.Builder spec = ContainerSpec.builder(context.image().tag())
                .network("bridge")
                .hostname("xsbuild")
                .workingDir(ContainerLayout.BUILDER_HOME);
        if (context.settings().keep()) {
            spec.label(Labels.KEEP, "true");
        }
        return context.repos().mount(spec, context.session().runtime());
    }

    /** Leaves the container in place when asked to, and says how to enter it. */
    private String keep(SessionContainer container, String name) throws XsbuildException {
        if (!context.settings().keep()) {
            return null;
        }
        context.session().keep(container);
        String client = context.session().runtime().info().client();
        events.info(name + ": kept container " + container.shortId() + "; enter it with: " + client + " exec -it -u "
                + ContainerLayout.BUILDER + " " + container.shortId() + " bash -l");
        return container.id();
    }

    private void shell(SessionContainer container, BuildJob job, String stage) {
        String name = job.name();
        if (!context.settings().interactive()) {
            events.warn(Phrase.of(name, ": no terminal, so no shell in the failed container (",
                    BuildSettings.Field.SHELL_ON_FAILURE, ")"));
            return;
        }
        events.info(name + ": " + stage + " failed; a shell in its container (exit it to go on)");
        try {
            container.attach(BuilderStep.plain(List.of("bash", "-l"), job.shellDir(stage)), true);
        } catch (XsbuildException e) {
            events.warn(Phrase.of(name, ": cannot open a shell in container ", container.shortId(), ": ", e.userPhrase()));
        }
    }
}
