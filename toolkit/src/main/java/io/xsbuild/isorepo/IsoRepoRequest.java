package io.xsbuild.isorepo;

import io.xsbuild.error.Setting;
import io.xsbuild.snapshot.SnapshotRequest;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What {@link IsoRepoCreator#create} is to do: fetch the ISOs named, then publish them as a snapshot.
 *
 * @param isos              each a path, an http(s) URL or Maven coordinates {@code G:A:V[:ext[:classifier]]},
 *                          optionally followed by {@code #sha256=HEX}, the image's expected SHA-256
 * @param sha256            the expected SHA-256 of the only ISO ({@code --sha256}), or null
 * @param mavenRepositories the repositories Maven coordinates are resolved from, in order (Maven Central when none)
 * @param snapshot          the rest, as {@link io.xsbuild.snapshot.SnapshotCreator} takes it; its images are
 *                          the ones fetched
 */
public record IsoRepoRequest(List<String> isos, String sha256, List<URI> mavenRepositories, SnapshotRequest snapshot) {

    /** The fields messages name. */
    public enum Field implements Setting { ISOS, SHA256 }

    public IsoRepoRequest {
        isos = List.copyOf(isos);
        mavenRepositories = List.copyOf(mavenRepositories);
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
