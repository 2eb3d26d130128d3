package io.xsbuild.build.output;

import java.util.List;

/**
 * The outcome of a rebuild or of a build from git: OUT/result.json, and what {@code --json} prints.
 *
 * @param ok       whether every package was built
 * @param out      the output directory
 * @param session  the session whose label the containers carried
 * @param image    the image the packages were built in, and {@code imageId}
 * @param packages each package's result, in the order asked
 */
public record RebuildReport(boolean ok, String out, String session, String profile, String image, String imageId,
                            List<PackageResult> packages, double seconds) {
    public RebuildReport {
        packages = List.copyOf(packages);
    }

    public List<PackageResult> failed() {
        return packages.stream().filter(p -> !p.built()).toList();
    }
}
