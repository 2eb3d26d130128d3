package io.xsbuild.container;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A container's file system saved as an image: what {@code docker build} does after each RUN, for
 * layers whose commands need a bind mount that a build cannot have (a repository).
 *
 * @param tag     the tag to give the image
 * @param labels  labels to give it, on top of the container's own
 * @param command the image's default command (a container's own command is only its idler)
 */
public record ImageCommit(String tag, Map<String, String> labels, List<String> command) {
    public ImageCommit {
        Objects.requireNonNull(tag, "tag");
        labels = Map.copyOf(labels);
        command = List.copyOf(command);
    }
}
