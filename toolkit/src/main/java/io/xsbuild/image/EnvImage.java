package io.xsbuild.image;

import java.util.List;

/**
 * A build-environment image: a profile's base, its toolchain, the builder user and the repository
 * definition; a warm one also has the BuildRequires of {@code builddeps} installed.
 *
 * @param tag       the tag that names it, derived from the hash of its inputs
 * @param id        the engine's id for it
 * @param builddeps the packages whose BuildRequires it holds; empty for a profile's plain image
 * @param repos     what the repositories it was made from were (their digest); null when none
 * @param built     whether this run built it
 */
public record EnvImage(String tag, String id, String profile, List<String> builddeps, String repos, boolean built) {

    /** On warm images: the packages whose BuildRequires are installed, comma-separated. */
    public static final String BUILDDEPS_LABEL = "xsbuild.builddeps";

    /** On warm images: what the repositories they were installed from were ({@code RepoSelection#digest}). */
    public static final String REPOS_LABEL = "xsbuild.repos";

    public EnvImage {
        builddeps = List.copyOf(builddeps);
    }

    public boolean warm() {
        return !builddeps.isEmpty();
    }
}
