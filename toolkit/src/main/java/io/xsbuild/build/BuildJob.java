package io.xsbuild.build;

import io.xsbuild.build.output.Outputs;
import io.xsbuild.build.output.PackageLogs;
import io.xsbuild.build.output.PackageResult;
import io.xsbuild.build.source.GitOrigin;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.session.SessionContainer;

/**
 * One build in a container of its own: its stages between the container's start and its removal, which
 * {@link PackageBuild} runs, times and turns into a {@link PackageResult}.
 */
interface BuildJob {

    /** The name its logs and result go under. */
    String name();

    /** The repository package whose BuildRequires it installs, if any: what a warm image can be made for. */
    String repositoryPackage();

    /** Where a build from git came from; null for other builds. */
    GitOrigin origin();

    /**
     * Runs the stages. An {@link XsbuildException} of kind FAILED is the build failing, with the stage
     * that threw it; any other is the run failing.
     */
    Outputs run(JobContext context, SessionContainer container, StageClock stages, PackageLogs logs)
            throws XsbuildException;

    /** Where a shell opened in the container after {@code failedStage} failed starts ({@code --shell-on-failure}). */
    String shellDir(String failedStage);
}
