package io.xsbuild.build.output;

import io.xsbuild.build.source.GitOrigin;
import io.xsbuild.error.Phrase;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one package's build went, as result.json records it.
 *
 * @param status     built or failed
 * @param srpm       the source package built, in OUT/SRPMS; null when the build failed before
 * @param rpms       the packages built, in OUT/RPMS/ARCH
 * @param files      the files a {@code --make} build made, in OUT/artifacts
 * @param git        where a build from git came from; null for other builds
 * @param stages     seconds each stage took, in order
 * @param stepSeconds seconds the commands run in the container took, all stages together: the rest
 *                   of the package's time is xsbuild's and the engine's
 * @param image      the image the build ran in: its tag, and {@code imageId}
 * @param logs       the package's log directory, relative to OUT
 * @param failedStage the stage that failed, or null
 * @param error      what went wrong, in one line (it may name settings), or null
 * @param errorTail  the last lines of the failed stage's log
 * @param container  the container, when it was kept ({@code --keep}); else null
 */
public record PackageResult(String name, Status status, Artifact srpm, List<Artifact> rpms, List<Artifact> files,
                            GitOrigin git, Map<String, Double> stages,
                            double stepSeconds, String image, String imageId, String logs, String failedStage, Phrase error,
                            List<String> errorTail, String container) {

    public enum Status { BUILT, FAILED }

    public PackageResult {
        rpms = List.copyOf(rpms);
        files = List.copyOf(files);
        stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
        errorTail = List.copyOf(errorTail);
    }

    public boolean built() {
        return status == Status.BUILT;
    }
}
