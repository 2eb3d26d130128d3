package io.xsbuild.repo;

import io.xsbuild.error.XsbuildException;

import java.nio.file.Path;

/** Another run is publishing in the same directory. */
public final class RepoLockedException extends XsbuildException {
    /** @param published what the other run is publishing (a repodata/ directory, a directory of snapshots) */
    public RepoLockedException(Path published, Path lockFile) {
        super(Kind.FAILED, "another run is publishing " + published + " (it holds " + lockFile + ")",
                "wait for it to finish, or pass --wait to queue behind it");
    }
}
