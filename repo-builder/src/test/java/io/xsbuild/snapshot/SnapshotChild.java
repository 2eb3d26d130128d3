package io.xsbuild.snapshot;

import io.xsbuild.event.Events;
import io.xsbuild.repo.RepoOptions;

import java.nio.file.Path;

/**
 * Publishes snapshots of the image {@code args[1]} into {@code args[0]} over and over until it is
 * killed, now replacing the snapshot current names, now another one: the process
 * {@link KilledSnapshotTest} kills.
 */
public final class SnapshotChild {

    private SnapshotChild() {
    }

    public static void main(String[] args) throws Exception {
        String[] names = {"a", "a", "b"};
        for (int run = 0; ; run++) {
            new SnapshotCreator(Events.NONE).create(SnapshotRequest.builder(Path.of(args[0])).iso(Path.of(args[1]))
                    .snapshot(names[run % names.length]).keep(2)
                    .options(RepoOptions.builder().workers(2).update(run % 2 == 0).build()).build());
        }
    }
}
