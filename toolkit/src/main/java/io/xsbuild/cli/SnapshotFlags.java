package io.xsbuild.cli;

import io.xsbuild.fetch.FetchOptions;
import io.xsbuild.isorepo.IsoRepoRequest;
import io.xsbuild.snapshot.SnapshotRequest;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The flags of publishing snapshot ISOs, which {@code repo snapshot} takes and {@code repo create}
 * takes with {@code --iso}: the images, where they come from, and which snapshots and packages are
 * kept.
 */
final class SnapshotFlags {

    @Spec(Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec command;

    @Option(names = "--iso", paramLabel = "SRC",
            description = "A snapshot ISO to publish, repeatable: a path, an http(s) URL (cached, resumed, checked against "
                    + "URL.sha256 when the server has one) or Maven coordinates G:A:V[:ext[:classifier]]; "
                    + "SRC#sha256=HEX gives the SHA-256 it must have.")
    List<String> isos = new ArrayList<>();

    @Option(names = "--sha256", paramLabel = "HEX", description = "The SHA-256 of the only --iso.")
    String sha256;

    @Option(names = "--maven-repo", paramLabel = "URL",
            description = "A Maven repository to resolve --iso coordinates from, repeatable (default: Maven Central; "
                    + "the mirrors and credentials of ~/.m2/settings.xml apply).")
    List<URI> mavenRepositories = new ArrayList<>();

    @Option(names = "--snapshot", paramLabel = "NAME",
            description = "The snapshot's name (default: the build number of the images' .treeinfo, else today's date).")
    String snapshot;

    @Option(names = "--keep", paramLabel = "N",
            description = "Keep the N newest snapshots, the new one included, and remove older ones (default: 0, all).")
    int keep;

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Publish only packages whose file name matches, repeatable ('xen-*', '*.x86_64.rpm').")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out packages whose file name matches, repeatable ('*-guest-*.src.rpm').")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--whitelist", paramLabel = "FILE",
            description = "Publish only the packages named in FILE (header names, one a line, '#' comments).")
    Path whitelist;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS",
            description = "For --iso URLs and Maven coordinates: how long a connection may take to open (default: "
                    + "30).")
    int connectTimeout = (int) FetchOptions.Network.DEFAULT.connectTimeout().toSeconds();

    @Option(names = "--read-timeout", paramLabel = "SECONDS",
            description = "How long a server may stay silent, before it answers and between two reads (default: 60).")
    int readTimeout = (int) FetchOptions.Network.DEFAULT.readTimeout().toSeconds();

    @Option(names = "--retries", paramLabel = "N",
            description = "How many times a download that timed out, broke off or met a server error is tried again, "
                    + "resuming what it has, after 2, 4, 8... s (default: 3).")
    int retries = FetchOptions.Network.DEFAULT.retries();

    /** The timeouts and retries asked for. */
    FetchOptions.Network network() {
        if (connectTimeout < 1 || readTimeout < 1) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    "--connect-timeout and --read-timeout take a number of seconds, 1 or more");
        }
        if (retries < 0) {
            throw new CommandLine.ParameterException(command.commandLine(), "--retries takes a count, 0 or more");
        }
        return new FetchOptions.Network(Duration.ofSeconds(connectTimeout), Duration.ofSeconds(readTimeout), retries,
                FetchOptions.Network.DEFAULT.backoff());
    }

    /** The images named, fetched and published as a snapshot in the directory of snapshots {@code out}. */
    IsoRepoRequest request(CliContext context, Path out, RepodataFlags repodata, boolean waitForLock) {
        if (isos.isEmpty()) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    "Missing --iso SRC, a snapshot ISO to publish (repeatable)");
        }
        if (out == null) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    "Missing --out DIR, the directory of snapshots to publish the ISOs into");
        }
        SnapshotRequest snapshotRequest = SnapshotRequest.builder(context.resolve(out)).snapshot(snapshot).keep(keep)
                .include(include.toArray(String[]::new)).exclude(exclude.toArray(String[]::new))
                .whitelist(whitelist == null ? null : context.resolve(whitelist)).options(repodata.options(waitForLock))
                .build();
        return new IsoRepoRequest(isos, sha256, mavenRepositories, snapshotRequest);
    }
}
