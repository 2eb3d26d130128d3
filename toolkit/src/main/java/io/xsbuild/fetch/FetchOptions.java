package io.xsbuild.fetch;

import io.xsbuild.error.Setting;
import io.xsbuild.files.CacheHome;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How ISO sources are fetched, fixed before any is.
 *
 * @param workingDir           what relative paths are relative to
 * @param cacheDir             where downloads are kept ({@code ${XDG_CACHE_HOME:-~/.cache}/xsbuild/isos})
 * @param mavenRepositories    the repositories Maven coordinates are resolved from (Maven Central when empty)
 * @param mavenSettings        the user's settings.xml, for mirrors, credentials and localRepository; may not exist
 * @param mavenLocalRepository the local repository, or null for settings.xml's, else {@code ~/.m2/repository}
 * @param userHome             the home directory that {@code ~} and {@code ${user.home}} stand for
 * @param network              how long to wait for servers, and how often to try again
 */
public record FetchOptions(Path workingDir, Path cacheDir, List<URI> mavenRepositories, Path mavenSettings,
                           Path mavenLocalRepository, Path userHome, Network network) {

    public static final URI MAVEN_CENTRAL = URI.create("https://repo.maven.apache.org/maven2/");

    /** The fields messages name: its own, and those of its {@link Network}. */
    public enum Field implements Setting { MAVEN_REPOSITORIES, CONNECT_TIMEOUT, READ_TIMEOUT, RETRIES }

    /**
     * How long a server may take, and what happens when it takes longer.
     *
     * @param connectTimeout how long a connection may take to open
     * @param readTimeout    how long a server may stay silent: before its answer, and between two reads of a body
     * @param retries        how many times a download that timed out, broke off or met a server error
     *                       (HTTP 5xx) is tried again, resuming what it has
     * @param backoff        the wait before the first retry; each next one waits twice as long
     */
    public record Network(Duration connectTimeout, Duration readTimeout, int retries, Duration backoff) {

        public static final Network DEFAULT = new Network(Duration.ofSeconds(30), Duration.ofSeconds(60), 3,
                Duration.ofSeconds(2));

        public Network {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(readTimeout, "readTimeout");
            Objects.requireNonNull(backoff, "backoff");
            if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            if (retries < 0) {
                throw new IllegalArgumentException("retries must be 0 or more");
            }
        }

        /** The wait before retry {@code n} (1 for the first). */
        Duration backoff(int n) {
            return backoff.multipliedBy(1L << Math.min(n - 1, 16));
        }
    }

    public FetchOptions {
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(userHome, "userHome");
        Objects.requireNonNull(network, "network");
        mavenRepositories = List.copyOf(mavenRepositories);
    }

    /** The defaults for a user whose environment is {@code env} and home {@code home}. */
    public static FetchOptions defaults(Map<String, String> env, Path home, Path workingDir) {
        return new FetchOptions(workingDir, CacheHome.of(env, home).resolve("isos"), List.of(),
                home.resolve(".m2").resolve("settings.xml"), null, home, Network.DEFAULT);
    }

    /** The defaults for the user whose environment is {@code env}: home from {@code HOME}, else the JVM's. */
    public static FetchOptions defaults(Map<String, String> env, Path workingDir) {
        return defaults(env, CacheHome.userHome(env), workingDir);
    }

    public FetchOptions withCacheDir(Path dir) {
        return new FetchOptions(workingDir, dir, mavenRepositories, mavenSettings, mavenLocalRepository, userHome, network);
    }

    public FetchOptions withMavenRepositories(List<URI> repositories) {
        return new FetchOptions(workingDir, cacheDir, repositories, mavenSettings, mavenLocalRepository, userHome, network);
    }

    public FetchOptions withMavenLocalRepository(Path repository) {
        return new FetchOptions(workingDir, cacheDir, mavenRepositories, mavenSettings, repository, userHome, network);
    }

    public FetchOptions withNetwork(Network value) {
        return new FetchOptions(workingDir, cacheDir, mavenRepositories, mavenSettings, mavenLocalRepository, userHome, value);
    }
}
