package io.xsbuild.repo;

import io.xsbuild.error.XsbuildException;

import java.nio.file.Path;

/** Another run is publishing repodata in the same directory. */
public final class RepoLockedException extends XsbuildException {
    public RepoLockedException(Path outDir, Path lockFile) {
        super(Kind.FAILED, "another run is publishing " + outDir.resolve("repodata") + " (it holds " + lockFile + ")",
                "wait for it to finish, or pass --wait to queue behind it");
    }
}
