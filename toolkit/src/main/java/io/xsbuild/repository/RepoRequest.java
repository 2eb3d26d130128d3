package io.xsbuild.repository;

import io.xsbuild.error.Setting;

import java.nio.file.Path;
import java.util.List;

/**
 * The repositories a run is asked to read, as its flags say: {@code --local-repo}, {@code --repo} in
 * order, and which repositories to switch on or off ({@code --enablerepo}, {@code --disablerepo}: ids or
 * globs of the profile's repositories or of these).
 *
 * @param localRepo a directory of RPMs to publish and put first, or null
 */
public record RepoRequest(Path localRepo, List<RepoSpec> repos, List<String> enable, List<String> disable) {

    public static final RepoRequest NONE = new RepoRequest(null, List.of(), List.of(), List.of());

    /** The fields messages name. */
    public enum Field implements Setting { LOCAL_REPO, REPOS, ENABLE, DISABLE }

    public RepoRequest {
        repos = List.copyOf(repos);
        enable = List.copyOf(enable);
        disable = List.copyOf(disable);
    }

    /** One directory, as the tests and the demo give it. */
    public static RepoRequest of(Path dir) {
        return new RepoRequest(null, List.of(new RepoSpec(null, dir.toString())), List.of(), List.of());
    }

    public boolean isEmpty() {
        return localRepo == null && repos.isEmpty() && enable.isEmpty() && disable.isEmpty();
    }
}
