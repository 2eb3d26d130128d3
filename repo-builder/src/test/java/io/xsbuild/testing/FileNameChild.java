package io.xsbuild.testing;

import io.xsbuild.event.Events;
import io.xsbuild.repo.RepoCreateRequest;
import io.xsbuild.repo.RepoCreateResult;
import io.xsbuild.repo.RepoCreator;
import io.xsbuild.repo.RepoOptions;
import io.xsbuild.snapshot.SnapshotCreator;
import io.xsbuild.snapshot.SnapshotRequest;
import io.xsbuild.snapshot.SnapshotResult;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Publishes in a JVM of its own, so that a test can choose the locale it runs in:
 * {@code repo DIR} publishes DIR and then updates it; {@code snapshot ISO OUT} publishes the image.
 * Prints the charset the JVM reads file names with and what was published, one {@code key=value}
 * a line; warnings go to standard error. Exits 1 on an error, printing its message.
 */
public final class FileNameChild {

    private FileNameChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Events events = (level, message) -> {
            if (level == Events.Level.WARN) {
                err.println("warn: " + message);
            }
        };
        out.println("jnu=" + System.getProperty("sun.jnu.encoding"));
        try {
            if (args[0].equals("repo")) {
                Path dir = Path.of(args[1]);
                RepoCreateResult first = new RepoCreator(events).create(RepoCreateRequest.defaults(dir));
                out.println("packages=" + first.packages());
                RepoCreateResult again = new RepoCreator(Events.NONE).create(RepoCreateRequest.builder(dir)
                        .options(RepoOptions.builder().update(true).build()).build());
                out.println("update.read=" + again.read());
                out.println("update.reused=" + again.reused());
            } else {
                SnapshotResult result = new SnapshotCreator(events).create(SnapshotRequest.builder(Path.of(args[2]))
                        .iso(Path.of(args[1])).snapshot("s1")
                        .options(RepoOptions.builder().workers(2).build()).build());
                out.println("packages=" + result.packages());
                out.println("binaryPackages=" + result.info().binaryPackages());
                SnapshotResult next = new SnapshotCreator(Events.NONE).create(SnapshotRequest.builder(Path.of(args[2]))
                        .iso(Path.of(args[1])).snapshot("s2")
                        .options(RepoOptions.builder().update(true).workers(2).build()).build());
                out.println("next.linked=" + next.linked());
                out.println("next.reused=" + next.reused());
            }
        } catch (io.xsbuild.error.XsbuildException e) {
            err.println("error: " + e.userMessage());
            System.exit(1);
        }
    }
}
