package io.xsbuild.files;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;

/**
 * Writes a directory tree as a tar stream whose entries sit under a path of the archive's choosing
 * ({@code srv/xsbuild/repos/ID/...}), as a container engine's archive API extracts it at {@code /}: the
 * directories leading to it first, then every file as it is when read, owned by root, readable by all,
 * executable where the file is. Symbolic links are followed, so what they lead to is what goes in.
 *
 * <p>A tree that changes while it is read (a repository that is being published into) gives the files
 * as each was when opened: one that vanished before that is left out, and one that grows is cut at the
 * size it had.
 */
public final class TreeTar {

    private static final int DIR_MODE = 0755;
    private static final int FILE_MODE = 0644;
    private static final int EXEC_MODE = 0755;

    private TreeTar() {
    }

    /**
     * @param dir    the directory whose tree to write
     * @param target the archive path its content goes under, without a leading slash ({@code srv/x/repo})
     * @return how many bytes of files were written
     */
    public static long write(Path dir, String target, OutputStream out) throws IOException {
        String root = strip(target);
        if (root.isEmpty() || java.util.Arrays.asList(root.split("/")).contains("..")) {
            throw new IllegalArgumentException("target: " + target);
        }
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        String[] parts = root.split("/");
        StringBuilder parent = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            parent.append(parts[i]).append('/');
            put(tar, entry(parent.toString(), TarConstants.LF_DIR, DIR_MODE, System.currentTimeMillis()));
        }
        Path base = dir.toAbsolutePath().normalize();
        long[] bytes = {0};
        Files.walkFileTree(base, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                put(tar, entry(name(root, base, d) + "/", TarConstants.LF_DIR, DIR_MODE, attrs.lastModifiedTime().toMillis()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    bytes[0] += file(tar, name(root, base, file), file, attrs);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException || e instanceof FileSystemLoopException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        tar.finish();
        tar.flush();
        return bytes[0];
    }

    private static long file(TarArchiveOutputStream tar, String name, Path file, BasicFileAttributes attrs) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException gone) {
            return 0;
        }
        try (channel) {
            long size = channel.size();
            TarArchiveEntry e = entry(name, TarConstants.LF_NORMAL, Files.isExecutable(file) ? EXEC_MODE : FILE_MODE,
                    attrs.lastModifiedTime().toMillis());
            e.setSize(size);
            tar.putArchiveEntry(e);
            long copied = 0;
            var in = Channels.newInputStream(channel);
            byte[] buffer = new byte[64 * 1024];
            while (copied < size) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, size - copied));
                if (n < 0) {
                    throw new IOException(file + " shrank while it was archived");
                }
                tar.write(buffer, 0, n);
                copied += n;
            }
            tar.closeArchiveEntry();
            return size;
        }
    }

    private static String name(String root, Path base, Path p) {
        String rel = base.relativize(p).toString().replace('\\', '/');
        return rel.isEmpty() ? root : root + "/" + rel;
    }

    private static TarArchiveEntry entry(String name, byte type, int mode, long mtimeMillis) {
        TarArchiveEntry e = new TarArchiveEntry(name, type);
        e.setMode(mode);
        e.setModTime(mtimeMillis);
        e.setIds(0, 0);
        e.setNames("root", "root");
        return e;
    }

    private static void put(TarArchiveOutputStream tar, TarArchiveEntry e) throws IOException {
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
    }

    private static String strip(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
