package io.xsbuild.chain;

import io.xsbuild.build.output.Artifact;
import io.xsbuild.build.source.GitOrigin;
import io.xsbuild.error.Phrase;

import java.util.List;

/**
 * How one package of a chain went, as the chain's result.json records it.
 *
 * @param input       what the user gave for it
 * @param status      built, reused (from the cache), failed, or skipped
 * @param why         for reused and skipped packages, why (it may name settings); null otherwise
 * @param dependsOn   the packages of the chain it was built after
 * @param engine      the engine it was built on; null when it was not built
 * @param seconds     how long it took, from its start to its result
 * @param cacheKey    its key in the build cache; null when it was not looked up
 * @param logs        its log directory, relative to OUT; null when it was not built
 */
public record ChainPackage(String name, String input, Status status, Phrase why, List<String> dependsOn, String engine,
                           Artifact srpm, List<Artifact> rpms, GitOrigin git, double seconds, String cacheKey,
                           String logs, String failedStage, Phrase error, List<String> errorTail) {

    public enum Status { BUILT, REUSED, FAILED, SKIPPED }

    public ChainPackage {
        dependsOn = List.copyOf(dependsOn);
        rpms = List.copyOf(rpms);
        errorTail = List.copyOf(errorTail);
    }

    /** Whether its packages are there: built now, or reused. */
    public boolean done() {
        return status == Status.BUILT || status == Status.REUSED;
    }
}
