package io.xsbuild.it;

import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.repo.RepoCreateRequest;
import io.xsbuild.repo.RepoCreator;

import java.nio.file.Path;

/** Makes yum repositories for the tests, with xsbuild's own repository builder. */
final class TestRepos {

    private TestRepos() {
    }

    /** Writes {@code dir/repodata} for the packages below {@code dir}. */
    static void create(Path dir) throws XsbuildException {
        new RepoCreator(Events.NONE).create(RepoCreateRequest.defaults(dir));
    }
}
