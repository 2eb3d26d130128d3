package io.xsbuild.build;

import io.xsbuild.image.Repo;
import io.xsbuild.profile.Profile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how a run builds, whatever it builds: settings frozen before work starts.
 *
 * @param repo    the repository mounted in each container, or null (then BuildRequires come from
 *                the image's other repositories alone)
 * @param out     the output directory
 * @param image   an image to build in ({@code --image}), or null to find or make the profile's
 * @param session the session's id, or null for a new one
 */
public record BuildSetup(Profile profile, Repo repo, Path out, BuildSettings settings, String image, String session) {
    public BuildSetup {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(settings, "settings");
    }
}
