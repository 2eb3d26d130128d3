package io.xsbuild.demo;

import io.xsbuild.io.Directories;
import io.xsbuild.build.output.Artifact;
import io.xsbuild.build.BuildSettings;
import io.xsbuild.build.BuildSetup;
import io.xsbuild.build.output.PackageResult;
import io.xsbuild.build.Rebuild;
import io.xsbuild.build.output.RebuildReport;
import io.xsbuild.build.RebuildRequest;
import io.xsbuild.build.source.SpecSrpm;
import io.xsbuild.build.source.SrpmSource;
import io.xsbuild.build.source.RpmbuildOptions;
import io.xsbuild.container.RuntimeConnector;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.repository.RepoRequest;
import io.xsbuild.profile.Profile;
import io.xsbuild.repo.RepoCreateRequest;
import io.xsbuild.repo.RepoCreator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the example packages the way a developer would with xsbuild: each round of specs goes
 * through the rebuild pipeline (rpmbuild -bs, builddep, rpmbuild --rebuild in a container), with
 * the packages of earlier rounds published as the repository its BuildRequires come from.
 */
final class ExampleBuilds {

    private final RuntimeConnector connector;
    private final Events events;
    private final Clock clock;

    ExampleBuilds(RuntimeConnector connector, Events events, Clock clock) {
        this.connector = connector;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Builds {@code specs} into {@code dir}: binary packages under {@code dir/RPMS/ARCH}, source
     * packages under {@code dir/SRPMS}, each round's logs and result.json under {@code dir/rounds}.
     */
    void build(Profile profile, List<ExampleSpec> specs, Path dir, String session) throws XsbuildException, IOException {
        Path rpms = Files.createDirectories(dir.resolve("RPMS"));
        Path srpms = Files.createDirectories(dir.resolve("SRPMS"));
        List<List<ExampleSpec>> rounds = ExampleSpec.rounds(specs);
        for (int i = 0; i < rounds.size(); i++) {
            List<ExampleSpec> round = rounds.get(i);
            RepoRequest repo = i == 0 ? RepoRequest.NONE : publish(rpms);
            Path out = dir.resolve("rounds").resolve("round-" + (i + 1));
            events.info("Building " + String.join(", ", round.stream().map(ExampleSpec::name).toList())
                    + (i == 0 ? "" : " against " + rpms));
            List<SrpmSource> sources = new ArrayList<>();
            round.forEach(s -> sources.add(new SpecSrpm(s.name(), s.tree(), RpmbuildOptions.NONE)));
            RebuildReport report = new Rebuild(connector, events, clock).run(new RebuildRequest(
                    new BuildSetup(profile, repo, out, BuildSettings.DEFAULT, null, session), sources));
            for (PackageResult p : report.packages()) {
                if (!p.built()) {
                    throw new DemoException("The example package " + p.name() + " did not build: " + p.error(),
                            "its logs are in " + out.resolve(p.logs()));
                }
                for (Artifact rpm : p.rpms()) {
                    copy(out.resolve(rpm.path()), rpms.resolve(Path.of(rpm.path()).getParent().getFileName().toString()));
                }
                copy(out.resolve(p.srpm().path()), srpms);
            }
        }
        Directories.delete(rpms.resolve("repodata"));
    }

    private RepoRequest publish(Path rpms) throws XsbuildException {
        new RepoCreator(events).create(RepoCreateRequest.defaults(rpms));
        return RepoRequest.of(rpms);
    }

    private static void copy(Path file, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
