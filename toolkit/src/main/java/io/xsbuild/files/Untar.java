package io.xsbuild.files;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts a tar stream (what a container engine's archive API sends) under a directory, refusing
 * entries that would land outside it: regular files with their modification time and executable
 * bit, directories, and symbolic links that stay inside.
 */
public final class Untar {

    private Untar() {
    }

    /** @return the regular files written, in archive order */
    public static List<Path> extract(InputStream in, Path hostDir) throws IOException {
        Path root = hostDir.toAbsolutePath().normalize();
        Files.createDirectories(root);
        List<Path> files = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("archive entry " + entry.getName() + " points outside " + root);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Path link = target.getParent().resolve(entry.getLinkName()).normalize();
                    if (link.startsWith(root) && !Path.of(entry.getLinkName()).isAbsolute()) {
                        Files.createDirectories(target.getParent());
                        Files.deleteIfExists(target);
                        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                    }
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    try {
                        Files.setLastModifiedTime(target, FileTime.from(entry.getModTime().toInstant()));
                    } catch (IOException ignored) {
                        // the content is what matters
                    }
                    if ((entry.getMode() & 0100) != 0) {
                        target.toFile().setExecutable(true, false);
                    }
                    files.add(target);
                }
            }
        }
        return files;
    }
}
