package io.xsbuild.build;

import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.RuntimeConnector;
import io.xsbuild.error.FailedException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.image.EnvImage;
import io.xsbuild.image.EnvImages;
import io.xsbuild.io.AtomicFiles;
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
 * {@link PackagePipeline} in a container of its own, then OUT/result.json, written whole or not at
 * all. The session's containers are removed however the run ends.
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
        long start = System.nanoTime();
        Path out = request.out().toAbsolutePath().normalize();
        createDirectories(out);
        try (ContainerRuntime runtime = connector.connect();
             Session session = Session.open(runtime, request.session(), events)) {
            long imageStart = System.nanoTime();
            EnvImage image = image(new EnvImages(session), request);
            double imageSeconds = Math.round((System.nanoTime() - imageStart) / 1e6) / 1e3;
            PackagePipeline pipeline = new PackagePipeline(session, image, request.profile(), request.repo(),
                    request.settings(), out, clock);
            List<PackageResult> results = new ArrayList<>();
            for (SrpmSource source : request.sources()) {
                if (session.interrupted()) {
                    break;
                }
                results.add(pipeline.build(source, imageSeconds));
            }
            RebuildReport report = new RebuildReport(results.stream().allMatch(PackageResult::built)
                    && results.size() == request.sources().size(), out.toString(), session.id(),
                    request.profile().name(), image.tag(), image.id(), results, (System.nanoTime() - start) / 1e9);
            write(out.resolve(RESULT_FILE), report);
            return report;
        }
    }

    /**
     * The image named with {@code --image}; else the warm one made for exactly these packages, if
     * there is one; else the profile's, made when missing.
     */
    private EnvImage image(EnvImages images, RebuildRequest request) throws XsbuildException {
        if (request.image() != null) {
            return images.named(request.image(), request.profile());
        }
        EnvImage env = images.ensure(request.profile());
        List<String> names = request.sources().stream().map(SrpmSource::repositoryPackage).toList();
        if (request.repo() == null || names.stream().anyMatch(Objects::isNull)) {
            return env;
        }
        EnvImage chosen = images.findWarm(env, request.repo(), names).orElse(env);
        if (chosen.warm()) {
            events.info("Using the warm image " + chosen.tag() + " (BuildRequires of " + String.join(", ", names) + ")");
        }
        return chosen;
    }

    private static void createDirectories(Path out) throws FailedException {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new FailedException("Cannot make the output directory " + out + ": " + e.getMessage(),
                    "choose another with --out", e);
        }
    }

    private static void write(Path file, RebuildReport report) throws FailedException {
        try {
            AtomicFiles.writeString(file, Json.pretty(report));
        } catch (IOException e) {
            throw new FailedException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
