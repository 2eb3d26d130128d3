package io.xsbuild.build;

import io.xsbuild.build.output.PackageResult;
import io.xsbuild.build.output.RebuildReport;
import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.RuntimeConnector;
import io.xsbuild.error.FailedException;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.UsageException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.image.EnvImage;
import io.xsbuild.image.EnvImages;
import io.xsbuild.io.AtomicFiles;
import io.xsbuild.io.Directories;
import io.xsbuild.repository.ContainerRepos;
import io.xsbuild.repository.RepoSelection;
import io.xsbuild.json.Json;
import io.xsbuild.session.Session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code xsbuild rebuild}: the image ensured once, then each source package through a
 * {@link PackageBuild} in a container of its own, then OUT/result.json, written whole or not at
 * all. The session's containers are removed however the run ends. {@link GitBuild} runs its one job
 * the same way.
 */
public final class Rebuild {

    public static final String RESULT_FILE = "result.json";

    private final RuntimeConnector connector;
    private final Events events;
    private final Clock clock;

    public Rebuild(RuntimeConnector connector, Events events, Clock clock) {
        this.connector = connector;
        this.events = events;
        this.clock = clock;
    }

    public RebuildReport run(RebuildRequest request) throws XsbuildException {
        return run(request.setup(), request.sources().stream().<BuildJob>map(RpmJob::new).toList());
    }

    /** The image ensured once, then each job in a container of its own, then OUT/result.json. */
    RebuildReport run(BuildSetup setup, List<BuildJob> jobs) throws XsbuildException {
        long start = System.nanoTime();
        Path out = setup.out().toAbsolutePath().normalize();
        createDirectories(out);
        try (ContainerRepos repos = ContainerRepos.resolve(setup.repos(), setup.profile().name(),
                setup.profile().repoFiles(), events);
             ContainerRuntime runtime = connector.connect();
             Session session = Session.open(runtime, setup.session(), events)) {
            long imageStart = System.nanoTime();
            EnvImage image = image(new EnvImages(session), setup, repos.selection(), jobs);
            double imageSeconds = Math.round((System.nanoTime() - imageStart) / 1e6) / 1e3;
            PackageBuild pipeline = new PackageBuild(session, image, setup.profile(), repos,
                    setup.settings(), out, clock);
            List<PackageResult> results = new ArrayList<>();
            for (BuildJob job : jobs) {
                if (session.interrupted()) {
                    break;
                }
                results.add(pipeline.run(job, imageSeconds));
            }
            RebuildReport report = new RebuildReport(results.stream().allMatch(PackageResult::built)
                    && results.size() == jobs.size(), out.toString(), session.id(),
                    setup.profile().name(), image.tag(), image.id(), results, (System.nanoTime() - start) / 1e9);
            write(out.resolve(RESULT_FILE), report);
            return report;
        }
    }

    /**
     * The image named with {@code --image}; else the warm one made for exactly these packages, if
     * there is one; else the profile's, made when missing.
     */
    private EnvImage image(EnvImages images, BuildSetup setup, RepoSelection repos, List<BuildJob> jobs)
            throws XsbuildException {
        if (setup.image() != null) {
            return images.named(setup.image(), setup.profile());
        }
        EnvImage env = images.ensure(setup.profile());
        List<String> names = jobs.stream().map(BuildJob::repositoryPackage).toList();
        if (repos.isEmpty() || names.stream().anyMatch(Objects::isNull)) {
            return env;
        }
        EnvImage chosen = images.findWarm(env, repos, names).orElse(env);
        if (chosen.warm()) {
            events.info("Using the warm image " + chosen.tag() + " (BuildRequires of " + String.join(", ", names) + ")");
        }
        return chosen;
    }

    private static void createDirectories(Path out) throws XsbuildException {
        Phrase notADirectory = Directories.notADirectory(out, BuildSetup.Field.OUT, "the results");
        if (notADirectory != null) {
            throw new UsageException(notADirectory, null);
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new FailedException(Phrase.of("Cannot make the output directory ", out, ": ", e.getMessage()),
                    Phrase.of("choose another with ", BuildSetup.Field.OUT), e);
        }
    }

    /** Writes result.json: the report as {@link Json#pretty} makes it, replacing the file atomically. */
    static void write(Path file, RebuildReport report) throws FailedException {
        try {
            AtomicFiles.writeString(file, Json.pretty(report));
        } catch (IOException e) {
            throw new FailedException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
