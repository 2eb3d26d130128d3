package io.xsbuild.build.output;

import java.util.List;

/**
 * What a build left in OUT.
 *
 * @param srpm  the source package, in OUT/SRPMS; null when the build makes none
 * @param rpms  the packages, in OUT/RPMS/ARCH
 * @param files the files a {@code --make} build made, in OUT/artifacts
 */
public record Outputs(Artifact srpm, List<Artifact> rpms, List<Artifact> files) {
    public Outputs {
        rpms = List.copyOf(rpms);
        files = List.copyOf(files);
    }
}
