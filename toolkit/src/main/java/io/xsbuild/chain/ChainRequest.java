package io.xsbuild.chain;

import io.xsbuild.build.BuildSetup;
import io.xsbuild.error.Setting;

import java.util.List;
import java.util.Objects;

/**
 * What {@code xsbuild chain} is asked to do.
 *
 * @param inputs     the packages, in the order given (the order builds take where the graph leaves a choice)
 * @param setup      where and how each package builds: profile, repositories, OUT, rpmbuild's options
 * @param jobs       builds at once, in all; 0 for as many as the engines' machines have cores
 * @param keepGoing  build what does not depend on a failed package ({@code --continue}) instead of stopping
 * @param useCache   reuse the packages of a build whose inputs are unchanged; false for {@code --no-cache}
 * @param engines    the engines to spread the builds over, as DOCKER_HOST URLs; empty for the default one
 */
public record ChainRequest(List<ChainInput> inputs, BuildSetup setup, int jobs, boolean keepGoing, boolean useCache,
                           List<String> engines) {
    /** The fields messages name. */
    public enum Field implements Setting { KEEP_GOING }

    public ChainRequest {
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(setup, "setup");
        engines = List.copyOf(engines);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a chain of nothing");
        }
        if (jobs < 0) {
            throw new IllegalArgumentException("jobs: " + jobs);
        }
    }
}
