package io.xsbuild.repo;

import io.xsbuild.error.Phrase;
import io.xsbuild.error.XsbuildException;

import java.nio.file.Path;

/** Another run is publishing in the same directory. */
public final class RepoLockedException extends XsbuildException {
    /** @param published what the other run is publishing (a repodata/ directory, a directory of snapshots) */
    public RepoLockedException(Path published, Path lockFile) {
        super(Kind.FAILED, Phrase.of("another run is publishing ", published, " (it holds ", lockFile, ")"),
                Phrase.of("wait for it to finish, or pass ", RepoOptions.Field.WAIT_FOR_LOCK, " to queue behind it"), null);
    }
}
