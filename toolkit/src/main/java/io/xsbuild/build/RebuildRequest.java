package io.xsbuild.build;

import io.xsbuild.image.Repo;
import io.xsbuild.profile.Profile;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a rebuild is asked for: settings frozen before work starts.
 *
 * @param repo    the repository mounted in each container, or null (then BuildRequires come from
 *                the image's other repositories alone)
 * @param sources the source packages to build, in order
 * @param out     the output directory
 * @param image   an image to build in ({@code --image}), or null to find or make the profile's
 * @param session the session's id, or null for a new one
 */
public record RebuildRequest(Profile profile, Repo repo, List<SrpmSource> sources, Path out, BuildSettings settings,
                             String image, String session) {
    public RebuildRequest {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(settings, "settings");
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("nothing to build");
        }
    }
}
