package io.xsbuild.build;

import io.xsbuild.build.source.SrpmSource;
import java.util.List;
import java.util.Objects;

/**
 * What a rebuild is asked for.
 *
 * @param sources the source packages to build, in order
 */
public record RebuildRequest(BuildSetup setup, List<SrpmSource> sources) {
    public RebuildRequest {
        Objects.requireNonNull(setup, "setup");
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("nothing to build");
        }
    }
}
