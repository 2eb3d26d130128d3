package io.xsbuild.build;

import io.xsbuild.build.source.BuildRequest;
import java.util.Objects;

/**
 * What {@code xsbuild build} is asked for: which checkout and how to version it, where and how to build,
 * and whether to run make instead of rpmbuild.
 *
 * @param make the {@code --make} build to run, or null to build the source package and its RPMs
 */
public record GitBuildRequest(BuildRequest source, MakeRequest make, BuildSetup setup) {
    public GitBuildRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(setup, "setup");
    }
}
