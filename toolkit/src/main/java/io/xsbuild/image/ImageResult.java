package io.xsbuild.image;

import java.util.List;

/**
 * The image {@code xsbuild image build} made or found.
 *
 * @param tag     the tag derived from its inputs
 * @param tags    every tag it was given in this run (with {@code --tag})
 * @param built   whether anything was built (false: found as it was)
 * @param repomd  the checksum of the repository's repomd.xml, when the image holds packages from it
 */
public record ImageResult(String tag, String id, List<String> tags, boolean built, String profile, String base,
                          List<String> builddeps, String repo, String repomd, double seconds) {
    public ImageResult {
        tags = List.copyOf(tags);
        builddeps = List.copyOf(builddeps);
    }
}
