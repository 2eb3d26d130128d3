package io.xsbuild.demo;

import io.xsbuild.io.Directories;
import io.xsbuild.build.BuildSettings;
import io.xsbuild.build.BuildSetup;
import io.xsbuild.build.Rebuild;
import io.xsbuild.build.output.RebuildReport;
import io.xsbuild.build.RebuildRequest;
import io.xsbuild.build.source.RepoSrpm;
import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.RuntimeConnector;
import io.xsbuild.error.FailedException;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.UsageException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.image.ImageRequest;
import io.xsbuild.image.ImageResult;
import io.xsbuild.image.Images;
import io.xsbuild.repository.RepoRequest;
import io.xsbuild.profile.Profile;
import io.xsbuild.snapshot.SnapshotCreator;
import io.xsbuild.snapshot.SnapshotRequest;
import io.xsbuild.snapshot.SnapshotResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * {@code xsbuild demo}: the whole of xsbuild on its own example packages, offline. The examples are
 * built in containers, packed into a snapshot like XenServer's (a binpkg ISO with {@code .treeinfo}
 * and comps, a source ISO), published from the ISOs as a repository, a warm image is made from it,
 * and one package is rebuilt in that image from its source package in the repository.
 *
 * <p>Each step keeps what it made under {@code DIR/PROFILE/} with a stamp of its inputs, and is
 * skipped when they have not changed: a second run finds the packages, ISOs, repository and image,
 * and only rebuilds the package.
 */
public final class Demo {

    private final RuntimeConnector connector;
    private final Events events;
    private final Clock clock;
    private final BooleanSupplier registryAnswers;

    public Demo(RuntimeConnector connector, Events events, Clock clock, BooleanSupplier registryAnswers) {
        this.connector = connector;
        this.events = events;
        this.clock = clock;
        this.registryAnswers = registryAnswers;
    }

    /** As {@link #Demo(RuntimeConnector, Events, Clock, BooleanSupplier)}, asking Docker Hub whether a registry answers. */
    public Demo(RuntimeConnector connector, Events events) {
        this(connector, events, Clock.systemUTC(), DemoProfile::dockerHubAnswers);
    }

    public DemoReport run(DemoRequest request) throws XsbuildException {
        List<ExampleSpec> specs = examples(request.examples());
        if (specs.stream().noneMatch(s -> s.provides().contains(request.rebuild()))) {
            throw new UsageException("No example package makes " + request.rebuild(),
                    "give one of " + specs.stream().flatMap(s -> s.provides().stream()).sorted().toList());
        }
        Profile profile;
        try (ContainerRuntime runtime = connector.connect()) {
            profile = new DemoProfile(runtime, events, registryAnswers, request.home()).choose(request.profile());
        }
        events.info("Demo in the " + profile.name() + " profile (" + profile.baseImage() + "), kept in "
                + request.dir().resolve(profile.name()));
        Path base = request.dir().resolve(profile.name());
        List<String> reused = new ArrayList<>();
        try {
            Path packages = base.resolve("packages");
            InputStamp packagesFrom = InputStamp.of(List.of("packages", profile.name(), profile.baseImage()),
                    List.of(request.examples()));
            if (fresh(packagesFrom, packages, "example packages", reused)) {
                new ExampleBuilds(connector, events, clock).build(profile, specs, packages, request.session());
                packagesFrom.write(packages);
            }

            Path isoDir = base.resolve("isos");
            InputStamp isosFrom = InputStamp.of(List.of("isos", DemoSnapshot.treeinfo()),
                    List.of(packages.resolve("RPMS"), packages.resolve("SRPMS")));
            DemoSnapshot.Isos isos = DemoSnapshot.isos(isoDir);
            if (fresh(isosFrom, isoDir, "snapshot ISOs", reused)) {
                isos = new DemoSnapshot(events).write(packages, binaryNames(specs), isoDir);
                isosFrom.write(isoDir);
            }

            Path snapshots = base.resolve("repo");
            InputStamp repoFrom = InputStamp.of(List.of("repo"), List.of(isos.binpkg(), isos.source()));
            if (fresh(repoFrom, snapshots, "repository", reused)) {
                SnapshotResult published = new SnapshotCreator(events).create(SnapshotRequest.builder(snapshots)
                        .iso(isos.binpkg()).iso(isos.source()).build());
                events.info("Published snapshot " + published.info().snapshot() + " of " + published.packages()
                        + " packages in " + published.directory());
                repoFrom.write(snapshots);
            }
            Path current = snapshots.resolve("current");
            RepoRequest repo = RepoRequest.of(current);

            ImageResult image = new Images(connector, events).build(new ImageRequest(profile, repo,
                    List.of(request.rebuild()), null, request.session()));
            if (!image.built()) {
                reused.add("image");
            }
            events.info("Rebuilding " + request.rebuild() + " from " + current + " in " + image.tag());
            RebuildReport rebuild = new Rebuild(connector, events, clock).run(new RebuildRequest(
                    new BuildSetup(profile, repo, request.out(), BuildSettings.DEFAULT, image.tag(), request.session()),
                    List.of(new RepoSrpm(request.rebuild()))));
            return new DemoReport(profile.name(), base.toString(),
                    List.of(isos.binpkg().toString(), isos.source().toString()), current.toString(), image.tag(),
                    reused, rebuild);
        } catch (IOException e) {
            throw new FailedException("The demo cannot write in " + base + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether a step must run: false when {@code dir} holds what these inputs make (noted in
     * {@code reused}); when true, {@code dir} has been emptied for the step.
     */
    private boolean fresh(InputStamp inputs, Path dir, String what, List<String> reused) throws IOException {
        if (inputs.matches(dir)) {
            events.info("Up to date: the " + what + " in " + dir);
            reused.add(what);
            return false;
        }
        Directories.delete(dir);
        Files.createDirectories(dir);
        return true;
    }

    /** The example package folders under {@code dir}: each subdirectory with a spec. */
    static List<ExampleSpec> examples(Path dir) throws XsbuildException {
        if (!Files.isDirectory(dir)) {
            throw new UsageException(Phrase.of("No example packages at ", dir),
                    Phrase.of("run xsbuild from its checkout, or give the folder of examples with ",
                            DemoRequest.Field.EXAMPLES, " DIR"));
        }
        List<ExampleSpec> specs = new ArrayList<>();
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(folder)) {
                    if (files.anyMatch(f -> f.getFileName().toString().endsWith(".spec"))) {
                        specs.add(ExampleSpec.read(folder));
                    }
                }
            }
        } catch (IOException e) {
            throw new FailedException("Cannot read the example packages in " + dir + ": " + e.getMessage(), e);
        }
        if (specs.isEmpty()) {
            throw new UsageException(Phrase.of("No example package (a folder with a spec) in ", dir),
                    Phrase.of("give the folder of examples with ", DemoRequest.Field.EXAMPLES, " DIR"));
        }
        return specs;
    }

    private static Set<String> binaryNames(List<ExampleSpec> specs) {
        Set<String> names = new TreeSet<>();
        specs.forEach(s -> names.addAll(s.provides()));
        return names;
    }
}
