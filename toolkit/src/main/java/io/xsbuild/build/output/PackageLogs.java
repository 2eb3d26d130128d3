package io.xsbuild.build.output;

import io.xsbuild.error.FailedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A package's logs, as mock names them, in {@code OUT/logs/NAME/}: state.log (the stages and their
 * times), root.log (the package manager's output) and build.log (rpmbuild's).
 */
public final class PackageLogs implements AutoCloseable {

    private final Path dir;
    private final LogFile state;
    private final LogFile root;
    private final LogFile build;

    private PackageLogs(Path dir, LogFile state, LogFile root, LogFile build) {
        this.dir = dir;
        this.state = state;
        this.root = root;
        this.build = build;
    }

    /** Opens a package's logs, replacing those of an earlier run. */
    public static PackageLogs open(Path dir) throws FailedException {
        try {
            Files.createDirectories(dir);
            return new PackageLogs(dir, LogFile.create(dir.resolve("state.log")), LogFile.create(dir.resolve("root.log")),
                    LogFile.create(dir.resolve("build.log")));
        } catch (IOException e) {
            throw new FailedException("Cannot write the logs in " + dir + ": " + e.getMessage(), "is the output directory writable?", e);
        }
    }

    public Path dir() {
        return dir;
    }

    public LogFile state() {
        return state;
    }

    public LogFile root() {
        return root;
    }

    public LogFile build() {
        return build;
    }

    @Override
    public void close() throws FailedException {
        IOException failed = null;
        for (LogFile log : new LogFile[] {state, root, build}) {
            try {
                log.close();
            } catch (IOException e) {
                failed = failed == null ? e : failed;
            }
        }
        if (failed != null) {
            throw new FailedException("Cannot write the logs in " + dir + ": " + failed.getMessage(), failed);
        }
    }
}
