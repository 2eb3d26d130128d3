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
            new RepoCreator(Events.NONE).create(RepoCreateRequest.builder(dir).retainOldMetadata(run % 2)
                    .options(RepoOptions.builder().workers(2)
                            .changelogLimit(run % 2 == 0 ? 1 : 10).update(run % 3 == 0).build()).build());
        }
    }
}
