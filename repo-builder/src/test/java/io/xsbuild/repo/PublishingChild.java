package io.xsbuild.repo;

import io.xsbuild.event.Events;

import java.nio.file.Path;

/**
 * Publishes the repository in {@code args[0]} over and over, each time with different metadata
 * (the changelog limit alternates), until it is killed: the process {@link KilledRunTest} kills.
 */
public final class PublishingChild {

    private PublishingChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        for (int run = 0; ; run++) {
            new RepoCreator(Events.NONE).create(RepoCreateRequest.defaults(dir).withWorkers(2)
                    .withChangelogLimit(run % 2 == 0 ? 1 : 10).withUpdate(run % 3 == 0).withRetainOldMetadata(run % 2));
        }
    }
}
