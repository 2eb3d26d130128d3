package io.xsbuild.build.output;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The files below a directory (regular files and symlinks, not directories) by path relative to it, with
 * their size and modification time: enough to tell what a build added or changed. Taken on the host with
 * {@link #take}, or in a container from the output of {@link #FIND_COMMAND} with {@link #parseFind}.
 */
public record DirectorySnapshot(Map<String, FileState> files) {

    /** Run in the directory to snapshot: one line per file, {@code path TAB size TAB mtime-in-seconds}. */
    public static final String FIND_COMMAND = "find . -mindepth 1 ! -type d -printf '%P\\t%s\\t%T@\\n'";

    /** A file's size in bytes and modification time in nanoseconds since the epoch. */
    public record FileState(long size, long mtimeNanos) {
    }

    public DirectorySnapshot {
        files = Map.copyOf(files);
    }

    public static DirectorySnapshot take(Path root) throws IOException {
        Map<String, FileState> files = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isDirectory()) {
                    files.put(relative(root, file), new FileState(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return new DirectorySnapshot(files);
    }

    /** Reads what {@link #FIND_COMMAND} printed. */
    public static DirectorySnapshot parseFind(String output) {
        Map<String, FileState> files = new TreeMap<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 3) {
                throw new IllegalArgumentException("not a line of " + FIND_COMMAND + ": " + line);
            }
            long nanos = new BigDecimal(fields[2]).movePointRight(9).longValue();
            files.put(fields[0], new FileState(Long.parseLong(fields[1]), nanos));
        }
        return new DirectorySnapshot(files);
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/");
    }
}
