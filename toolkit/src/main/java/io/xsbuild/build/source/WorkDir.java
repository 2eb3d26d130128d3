package io.xsbuild.build.source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A temporary directory owned by whoever made it: closing it deletes it and everything in it, and so
 * does the JVM's stopping first (Ctrl-C, SIGTERM), when no {@code finally} block runs.
 */
public final class WorkDir implements AutoCloseable {

    private final Path path;
    private final Thread hook;

    private WorkDir(Path path) {
        this.path = path;
        this.hook = new Thread(this::delete, "xsbuild-delete-" + path.getFileName());
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** A new empty directory under the system's temporary directory. */
    public static WorkDir temporary(String prefix) throws IOException {
        return new WorkDir(Files.createTempDirectory(prefix));
    }

    /** A new empty directory under {@code parent}. */
    public static WorkDir under(Path parent, String prefix) throws IOException {
        Files.createDirectories(parent);
        return new WorkDir(Files.createTempDirectory(parent, prefix));
    }

    public Path path() {
        return path;
    }

    /** Deletes the directory; what cannot be deleted stays, and closing never throws. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException stopping) {
            // the JVM is stopping: the hook deletes it
        }
        delete();
    }

    private void delete() {
        if (!Files.exists(path)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // What is left lives in the temporary directory, which the system clears.
        }
    }
}
