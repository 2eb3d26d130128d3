package io.xsbuild.demo;

import io.xsbuild.build.output.RebuildReport;

import java.util.List;
import java.util.Objects;

/**
 * What {@code xsbuild demo} did and where everything is.
 *
 * @param profile the profile it built in
 * @param dir     where the demo keeps its packages, ISOs and repository
 * @param isos    the binpkg and source ISOs of the demo snapshot
 * @param repo    the repository published from them ({@code DIR/current} of the snapshots)
 * @param image   the warm image the package was rebuilt in
 * @param reused  the steps whose output from an earlier run was still good
 * @param rebuild the rebuild of the chosen package from the repository
 */
public record DemoReport(String profile, String dir, List<String> isos, String repo, String image, List<String> reused,
                         RebuildReport rebuild) {
    public DemoReport {
        Objects.requireNonNull(rebuild, "rebuild");
        isos = List.copyOf(isos);
        reused = List.copyOf(reused);
    }
}
