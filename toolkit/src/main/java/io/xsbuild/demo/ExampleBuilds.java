package io.xsbuild.demo;

import io.xsbuild.build.BuildSettings;
import io.xsbuild.build.BuildSetup;
import io.xsbuild.build.output.Artifact;
import io.xsbuild.chain.Chain;
import io.xsbuild.chain.ChainEngine;
import io.xsbuild.chain.ChainInput;
import io.xsbuild.chain.ChainPackage;
import io.xsbuild.chain.ChainReport;
import io.xsbuild.chain.ChainRequest;
import io.xsbuild.container.RuntimeConnector;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.profile.Profile;
import io.xsbuild.repository.RepoRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;

/**
 * Builds the example packages the way a developer would with xsbuild: as one chain ({@code xsbuild chain}),
 * each spec folder made into a source package and rebuilt in a container after the packages whose outputs
 * it BuildRequires, those coming from the chain's repository.
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
     * packages under {@code dir/SRPMS}, the chain's logs and result.json under {@code dir/chain}.
     */
    void build(Profile profile, List<ExampleSpec> specs, Path dir, String session) throws XsbuildException, IOException {
        Path out = dir.resolve("chain");
        List<ChainInput> inputs = specs.stream()
                .<ChainInput>map(s -> new ChainInput.SpecFolder(s.name(), s.tree().sourcesDir())).toList();
        ChainReport report = new Chain(List.of(ChainEngine.found(connector)), dir.resolve("git"),
                dir.resolve("cache"), events, clock).run(new ChainRequest(inputs,
                new BuildSetup(profile, RepoRequest.NONE, out, BuildSettings.DEFAULT, null, session), 0, false, false, List.of()));
        for (ChainPackage p : report.packages()) {
            if (!p.done()) {
                throw new DemoException(Phrase.of("The example package ", p.name(), " did not build: ",
                        p.error() != null ? p.error() : p.why()),
                        Phrase.of("its logs are in ", out.resolve("logs").resolve(p.name())));
            }
            for (Artifact rpm : p.rpms()) {
                copy(out.resolve(rpm.path()), dir.resolve(Path.of(rpm.path()).getParent().toString()));
            }
            copy(out.resolve(p.srpm().path()), dir.resolve("SRPMS"));
        }
    }

    private static void copy(Path file, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
