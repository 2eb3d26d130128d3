package io.xsbuild.isorepo;

import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.fetch.FetchOptions;
import io.xsbuild.fetch.IsoSources;
import io.xsbuild.fetch.ResolvedIso;
import io.xsbuild.snapshot.SnapshotCreator;
import io.xsbuild.snapshot.SnapshotIso;
import io.xsbuild.snapshot.SnapshotResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code xsbuild repo create --iso}: fetches every image named (a path as it is, a URL through the
 * download cache, Maven coordinates through the local repository, each checked against the
 * SHA-256 given), then publishes them as a snapshot. An image that cannot be had, or has another
 * checksum, fails the run before anything is published.
 */
public final class IsoRepoCreator {

    private final FetchOptions options;
    private final Map<String, String> env;
    private final Events events;

    /** @param options how images are fetched; the request's Maven repositories replace its own */
    public IsoRepoCreator(FetchOptions options, Map<String, String> env, Events events) {
        this.options = options;
        this.env = Map.copyOf(env);
        this.events = events;
    }

    public SnapshotResult create(IsoRepoRequest request) throws XsbuildException {
        List<IsoSpec> specs = IsoSpec.parse(request.isos(), request.sha256());
        IsoSources sources = new IsoSources(options.withMavenRepositories(request.mavenRepositories()), env, events);
        List<SnapshotIso> isos = new ArrayList<>();
        for (IsoSpec spec : specs) {
            ResolvedIso resolved = sources.resolve(spec.source(), spec.sha256());
            isos.add(new SnapshotIso(resolved.file(), resolved.source(), resolved.sha256()));
        }
        return new SnapshotCreator(events).create(request.snapshot().withIsos(isos));
    }
}
