package io.xsbuild.image;

import io.xsbuild.profile.Profile;

import java.util.List;
import java.util.Objects;

/**
 * What {@code xsbuild image build} is asked for.
 *
 * @param repo      the repository, or null; needed with {@code builddeps}
 * @param builddeps packages whose BuildRequires go into a warm image; empty for the profile's image
 * @param extraTag  another tag to give the image, or null
 * @param session   the session's id, or null for a new one
 */
public record ImageRequest(Profile profile, Repo repo, List<String> builddeps, String extraTag, String session) {
    public ImageRequest {
        Objects.requireNonNull(profile, "profile");
        builddeps = List.copyOf(builddeps);
        if (!builddeps.isEmpty() && repo == null) {
            throw new IllegalArgumentException("builddeps come from a repository");
        }
    }
}
