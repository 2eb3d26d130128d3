package io.xsbuild.git;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.eclipse.jgit.api.ArchiveCommand;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A tar.gz format for JGit's {@link ArchiveCommand} whose bytes depend on the archived tree alone: every
 * entry has the same mtime (the {@value #MTIME} option, in epoch seconds), owner root:root (0:0) and the
 * modes {@code git archive} gives with its default {@code tar.umask} of 002 (0664, 0775 for executables
 * and directories, 0777 for symlinks); paths keep JGit's tree order; the gzip header carries mtime 0 and
 * the Unix OS byte. With the {@value #COMMIT} option the archive starts, as git's does, with a pax global
 * header whose comment is the commit id ({@code git get-tar-commit-id} reads it).
 */
final class ReproducibleTarGz implements ArchiveCommand.Format<ReproducibleTarGz.Archive> {

    static final String NAME = "xsbuild-reproducible-tgz";
    static final String MTIME = "mtime";
    static final String COMMIT = "commit";

    private static final int GZIP_OS_UNIX = 3;
    private static final int MODE_FILE = 0664;
    private static final int MODE_EXECUTABLE = 0775;
    private static final int MODE_DIRECTORY = 0775;
    private static final int MODE_SYMLINK = 0777;

    static {
        ArchiveCommand.registerFormat(NAME, new ReproducibleTarGz());
    }

    /** Makes sure the format is registered with {@link ArchiveCommand}; returns its name. */
    static String register() {
        return NAME;
    }

    /** The open archive: the tar stream and the one mtime its entries carry. */
    static final class Archive implements Closeable {
        private final TarArchiveOutputStream tar;
        private final long mtimeSeconds;

        private Archive(TarArchiveOutputStream tar, long mtimeSeconds) {
            this.tar = tar;
            this.mtimeSeconds = mtimeSeconds;
        }

        private TarArchiveEntry entry(String path, byte type, int mode) {
            TarArchiveEntry e = new TarArchiveEntry(path, type);
            e.setMode(mode);
            e.setModTime(mtimeSeconds * 1000L);
            e.setIds(0, 0);
            e.setNames("root", "root");
            return e;
        }

        @Override
        public void close() throws IOException {
            tar.close();
        }
    }

    @Override
    public Archive createArchiveOutputStream(OutputStream s) throws IOException {
        return createArchiveOutputStream(s, Map.of());
    }

    @Override
    public Archive createArchiveOutputStream(OutputStream s, Map<String, Object> options) throws IOException {
        GzipParameters gzip = new GzipParameters();
        gzip.setModificationTime(0);
        gzip.setOperatingSystem(GZIP_OS_UNIX);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(s, gzip),
                StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        Archive archive = new Archive(tar, ((Number) options.getOrDefault(MTIME, 0L)).longValue());
        if (options.get(COMMIT) instanceof String commit) {
            TarArchiveEntry global = archive.entry("pax_global_header", TarConstants.LF_PAX_GLOBAL_EXTENDED_HEADER, 0666);
            global.addPaxHeader("comment", commit);
            tar.putArchiveEntry(global);
        }
        return archive;
    }

    @Override
    public void putEntry(Archive out, ObjectId tree, String path, FileMode mode, ObjectLoader loader) throws IOException {
        TarArchiveEntry entry;
        if (mode == FileMode.TREE) {
            entry = out.entry(path.endsWith("/") ? path : path + "/", TarConstants.LF_DIR, MODE_DIRECTORY);
        } else if (mode == FileMode.SYMLINK) {
            entry = out.entry(path, TarConstants.LF_SYMLINK, MODE_SYMLINK);
            entry.setLinkName(new String(loader.getCachedBytes(), StandardCharsets.UTF_8));
        } else if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
            entry = out.entry(path, TarConstants.LF_NORMAL, mode == FileMode.EXECUTABLE_FILE ? MODE_EXECUTABLE : MODE_FILE);
            entry.setSize(loader.getSize());
        } else {
            throw new IOException("cannot archive " + path + ": unsupported git mode " + mode);
        }
        out.tar.putArchiveEntry(entry);
        if (entry.getLinkFlag() == TarConstants.LF_NORMAL) {
            loader.copyTo(out.tar);
        }
        out.tar.closeArchiveEntry();
    }

    @Override
    public Iterable<String> suffixes() {
        return List.of(".tar.gz", ".tgz");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReproducibleTarGz;
    }

    @Override
    public int hashCode() {
        return ReproducibleTarGz.class.hashCode();
    }
}
