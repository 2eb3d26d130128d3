package io.xsbuild.build;

import io.xsbuild.build.output.RebuildReport;
import io.xsbuild.build.source.GitSrpm;
import io.xsbuild.build.source.SourcePreparer;
import io.xsbuild.build.source.WorkDir;
import io.xsbuild.container.RuntimeConnector;
import io.xsbuild.error.FailedException;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.UsageException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.git.Checkouts;
import io.xsbuild.repository.RepoRequest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code xsbuild build}: a git checkout prepared on the host ({@link SourcePreparer}) in a directory of its
 * own, then built as {@code rebuild} builds, in a container of the run's session: its source package made
 * there ({@link GitSrpm}) and rebuilt, or, with {@code --make}, make run in a copy of it ({@link MakeJob}).
 * Same stages, logs, OUT/result.json and cleanup as {@link Rebuild}; the prepared directory is deleted
 * however the build ends.
 */
public final class GitBuild {

    private final RuntimeConnector connector;
    private final Path gitCache;
    private final Events events;
    private final Clock clock;

    /**
     * @param gitCache where repositories named by URL, or built at another {@code --ref}, are cloned and kept
     */
    public GitBuild(RuntimeConnector connector, Path gitCache, Events events, Clock clock) {
        this.connector = connector;
        this.gitCache = gitCache;
        this.events = events;
        this.clock = clock;
    }

    public RebuildReport run(GitBuildRequest request) throws XsbuildException {
        MakeRequest make = request.make();
        if (make != null && make.packageName() != null && request.setup().repos().repos().isEmpty()
                && request.setup().repos().localRepo() == null && request.setup().profile().repositoryIds().isEmpty()) {
            throw new UsageException(Phrase.of(MakeRequest.Field.PACKAGE_NAME, " ", make.packageName(), " needs ",
                    RepoRequest.Field.REPOS, ": its source package comes from it"), null);
        }
        SourcePreparer preparer = new SourcePreparer(new Checkouts(gitCache, events), events);
        try (WorkDir work = workDir()) {
            BuildJob job = make == null
                    ? new RpmJob(new GitSrpm(preparer.prepare(request.source(), work.path().resolve("rpmbuild")),
                            request.setup().settings().rpmbuild()))
                    : new MakeJob(preparer.prepareTree(request.source(), work.path().resolve("src"),
                            make.packageName() == null), make);
            return new Rebuild(connector, events, clock).run(request.setup(), List.of(job));
        }
    }

    private static WorkDir workDir() throws FailedException {
        try {
            return WorkDir.temporary("xsbuild-build-");
        } catch (IOException e) {
            throw new FailedException("Cannot make a temporary directory for the build: " + e.getMessage(),
                    "check the space in " + System.getProperty("java.io.tmpdir"), e);
        }
    }
}
