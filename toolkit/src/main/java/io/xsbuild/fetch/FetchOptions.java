package io.xsbuild.fetch;

import io.xsbuild.files.CacheHome;

import java.net.URI;
import java.nio.file.Path;
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
 */
public record FetchOptions(Path workingDir, Path cacheDir, List<URI> mavenRepositories, Path mavenSettings,
                           Path mavenLocalRepository, Path userHome) {

    public static final URI MAVEN_CENTRAL = URI.create("https://repo.maven.apache.org/maven2/");

    public FetchOptions {
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(userHome, "userHome");
        mavenRepositories = List.copyOf(mavenRepositories);
    }

    /** The defaults for a user whose environment is {@code env} and home {@code home}. */
    public static FetchOptions defaults(Map<String, String> env, Path home, Path workingDir) {
        return new FetchOptions(workingDir, CacheHome.of(env, home).resolve("isos"), List.of(),
                home.resolve(".m2").resolve("settings.xml"), null, home);
    }

    /** The defaults for the user whose environment is {@code env}: home from {@code HOME}, else the JVM's. */
    public static FetchOptions defaults(Map<String, String> env, Path workingDir) {
        return defaults(env, CacheHome.userHome(env), workingDir);
    }

    public FetchOptions withCacheDir(Path dir) {
        return new FetchOptions(workingDir, dir, mavenRepositories, mavenSettings, mavenLocalRepository, userHome);
    }

    public FetchOptions withMavenRepositories(List<URI> repositories) {
        return new FetchOptions(workingDir, cacheDir, repositories, mavenSettings, mavenLocalRepository, userHome);
    }

    public FetchOptions withMavenLocalRepository(Path repository) {
        return new FetchOptions(workingDir, cacheDir, mavenRepositories, mavenSettings, repository, userHome);
    }
}
