package io.xsbuild.fetch;

import io.xsbuild.error.FailedException;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.Setting;
import io.xsbuild.error.UsageException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.FileChecksums;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns the ISO sources a user names into local files: a path as it is, a URL through the download
 * cache, Maven coordinates through the local Maven repository. With an expected SHA-256 every kind
 * is checked against it.
 */
public final class IsoSources {

    /** What of {@link #resolve}'s arguments messages name: {@code sha256}, the checksum the caller expects. */
    public enum Field implements Setting { SHA256 }

    private final FetchOptions options;
    private final Map<String, String> env;
    private final Events events;
    private final Supplier<HttpClient> http;

    /** Sources whose URLs are fetched with a client made on the first URL (a local image needs none). */
    public IsoSources(FetchOptions options, Map<String, String> env, Events events) {
        this(options, env, events, () -> HttpDownloader.client(options.network()));
    }

    IsoSources(FetchOptions options, Map<String, String> env, Events events, Supplier<HttpClient> http) {
        this.options = options;
        this.env = Map.copyOf(env);
        this.events = events;
        this.http = http;
    }

    /**
     * The local file for {@code spec} ({@link IsoSource#parse}).
     *
     * @param sha256 the expected SHA-256 in hex ({@code --sha256}), or null to rely on what the
     *               source offers ({@code URL.sha256}, the repository's checksums)
     */
    public ResolvedIso resolve(String spec, String sha256) throws XsbuildException {
        String expected = sha256 == null ? null : Sha256Text.parseOption(sha256);
        IsoSource source = IsoSource.parse(spec, options.workingDir());
        if (source instanceof IsoSource.Http http) {
            return new HttpDownloader(this.http.get(), options, events).fetch(http.uri(), expected);
        }
        Path file;
        ResolvedIso.Origin origin;
        if (source instanceof IsoSource.Maven maven) {
            file = new MavenArtifacts(options, env, events).resolve(maven.coordinates());
            origin = ResolvedIso.Origin.MAVEN;
        } else {
            file = ((IsoSource.Local) source).path();
            origin = ResolvedIso.Origin.LOCAL;
            if (!Files.isRegularFile(file)) {
                throw new UsageException("ISO " + file + (Files.exists(file) ? " is not a file" : " does not exist"), IsoSource.HINT);
            }
        }
        return new ResolvedIso(spec, file, expected == null ? null : verify(spec, file, expected), origin);
    }

    private String verify(String spec, Path file, String expected) throws XsbuildException {
        String actual;
        try {
            actual = FileChecksums.of(file, ChecksumType.SHA256, events, "Checking " + file.getFileName());
        } catch (IOException e) {
            throw new FailedException("cannot read ISO " + file + ": " + e.getMessage(), e);
        }
        if (!actual.equals(expected)) {
            throw new ChecksumMismatchException(spec, "sha256", actual, expected, Phrase.of(Field.SHA256));
        }
        return actual;
    }
}
