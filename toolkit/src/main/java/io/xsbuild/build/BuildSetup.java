package io.xsbuild.build;

import io.xsbuild.error.Setting;
import io.xsbuild.repository.RepoRequest;
import io.xsbuild.profile.Profile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how a run builds, whatever it builds: settings frozen before work starts.
 *
 * @param repos   the repositories each container reads besides the profile's, as asked for
 * @param out     the output directory
 * @param image   an image to build in ({@code --image}), or null to find or make the profile's
 * @param session the session's id, or null for a new one
 */
public record BuildSetup(Profile profile, RepoRequest repos, Path out, BuildSettings settings, String image, String session) {
    /** The fields messages name. */
    public enum Field implements Setting { PROFILE, OUT, IMAGE }

    public BuildSetup {
        Objects.requireNonNull(profile, "profile");
        repos = repos == null ? RepoRequest.NONE : repos;
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(settings, "settings");
    }
}
