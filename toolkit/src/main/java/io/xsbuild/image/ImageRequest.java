package io.xsbuild.image;

import io.xsbuild.error.Setting;
import io.xsbuild.profile.Profile;
import io.xsbuild.repository.RepoRequest;

import java.util.List;
import java.util.Objects;

/**
 * What {@code xsbuild image build} is asked for.
 *
 * @param repos     the repositories to read besides the profile's; at least one with {@code builddeps}
 * @param builddeps packages whose BuildRequires go into a warm image; empty for the profile's image
 * @param extraTag  another tag to give the image, or null
 * @param session   the session's id, or null for a new one
 */
public record ImageRequest(Profile profile, RepoRequest repos, List<String> builddeps, String extraTag, String session) {
    /** The fields messages name. */
    public enum Field implements Setting { BUILDDEPS }

    public ImageRequest {
        Objects.requireNonNull(profile, "profile");
        repos = repos == null ? RepoRequest.NONE : repos;
        builddeps = List.copyOf(builddeps);
    }
}
