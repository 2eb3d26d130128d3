package io.xsbuild.io;

import io.xsbuild.error.Phrase;
import io.xsbuild.error.Setting;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole directories: removed with all they hold, or synced after renames in them. */
public final class Directories {

    private Directories() {
    }

    /**
     * Deletes a file or a directory and everything below it, never following a symbolic link (a
     * link is removed, not what it names); nothing there is not an error.
     */
    public static void delete(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** {@link #delete}, for temporary directories whose leftovers do no harm. */
    public static void deleteQuietly(Path path) {
        try {
            delete(path);
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    /**
     * Why {@code dir} cannot be made or used as a directory, given as {@code setting} for {@code what},
     * or null when it can: it, or a directory above it, is a file. "outDir /srv/x is a file, not a
     * directory: give a directory for the repository (it is made if missing)".
     */
    public static Phrase notADirectory(Path dir, Setting setting, String what) {
        Path absolute = dir.toAbsolutePath();
        for (Path p = absolute; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (Files.isDirectory(p)) {
                    return null;
                }
                return Phrase.of(setting, " ", absolute, p.equals(absolute) ? "" : ": " + p,
                        " is a file, not a directory: give a directory for ", what, " (it is made if missing)");
            }
        }
        return null;
    }

    /** Makes the renames and new names in {@code dir} durable, where the file system lets a directory be synced. */
    public static void sync(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // not every file system lets a directory be synced; the renames are done either way
        }
    }
}
