package io.xsbuild.image;

import java.util.List;

/**
 * The image {@code xsbuild image build} made or found.
 *
 * @param tag         the tag derived from its inputs
 * @param tags        every tag it was given in this run (with {@code --tag})
 * @param built       whether anything was built (false: found as it was)
 * @param repos       the repositories it was made from, in priority order, as given
 * @param reposDigest what those repositories were, when the image holds packages from them
 */
public record ImageResult(String tag, String id, List<String> tags, boolean built, String profile, String base,
                          List<String> builddeps, List<String> repos, String reposDigest, double seconds) {
    public ImageResult {
        tags = List.copyOf(tags);
        builddeps = List.copyOf(builddeps);
        repos = List.copyOf(repos);
    }
}
