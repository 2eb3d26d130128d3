package io.xsbuild.container;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An image to build.
 *
 * @param contextDir the build context, sent to the engine whole
 * @param dockerfile the Dockerfile, relative to the context ("Dockerfile")
 * @param tags       tags to give the image
 * @param labels     labels to give the image
 * @param buildArgs  values for the Dockerfile's ARGs
 * @param network    the network the build's RUN steps use ("default", "none", "host")
 */
public record ImageBuild(Path contextDir, String dockerfile, List<String> tags, Map<String, String> labels,
                         Map<String, String> buildArgs, String network) {
    public ImageBuild {
        Objects.requireNonNull(contextDir, "contextDir");
        dockerfile = dockerfile == null ? "Dockerfile" : dockerfile;
        tags = List.copyOf(tags);
        labels = Map.copyOf(labels);
        buildArgs = Map.copyOf(buildArgs);
        network = network == null ? "default" : network;
    }
}
