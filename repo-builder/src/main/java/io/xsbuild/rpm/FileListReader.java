package io.xsbuild.rpm;

import io.xsbuild.rpm.header.Header;
import io.xsbuild.rpm.header.Tags;

import java.util.ArrayList;
import java.util.List;

/**
 * A header's file list as createrepo_c reads it: every path with its type (directory by mode,
 * else ghost by flag, else file), only when the header has names, dir indexes, flags and modes,
 * and as far as the shortest of those lists goes. Packages from rpm before 4 name their files in
 * OLDFILENAMES instead of directory and base names (which win when a header has both, as in librpm).
 */
final class FileListReader {

    private static final long S_IFMT = 0170000;
    private static final long S_IFDIR = 0040000;
    private static final long GHOST = 1 << 6;

    private FileListReader() {
    }

    static List<FileEntry> read(Header header) throws RpmFormatException {
        List<String> paths = paths(header);
        if (paths == null || !header.has(Tags.FILEFLAGS) || !header.has(Tags.FILEMODES)) {
            return List.of();
        }
        long[] flags = header.numbers(Tags.FILEFLAGS);
        long[] modes = header.numbers(Tags.FILEMODES);
        int n = Math.min(paths.size(), Math.min(flags.length, modes.length));
        List<FileEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FileEntry.Type type = (modes[i] & S_IFMT) == S_IFDIR ? FileEntry.Type.DIR
                    : (flags[i] & GHOST) != 0 ? FileEntry.Type.GHOST : FileEntry.Type.FILE;
            entries.add(new FileEntry(paths.get(i), type));
        }
        return entries;
    }

    /** Full paths, or null when the header does not have what it takes to name them. */
    private static List<String> paths(Header header) throws RpmFormatException {
        if (!header.has(Tags.DIRNAMES) && header.has(Tags.OLDFILENAMES)) {
            return header.strings(Tags.OLDFILENAMES);
        }
        if (!header.has(Tags.BASENAMES) || !header.has(Tags.DIRNAMES) || !header.has(Tags.DIRINDEXES)) {
            return null;
        }
        List<String> bases = header.strings(Tags.BASENAMES);
        List<String> dirs = header.strings(Tags.DIRNAMES);
        long[] indexes = header.numbers(Tags.DIRINDEXES);
        if (indexes.length != bases.size()) {
            throw new RpmFormatException("the header has " + bases.size() + " BASENAMES but " + indexes.length
                    + " DIRINDEXES, expected one per file");
        }
        List<String> paths = new ArrayList<>(bases.size());
        for (int i = 0; i < bases.size(); i++) {
            if (indexes[i] >= dirs.size()) {
                throw new RpmFormatException("DIRINDEXES entry " + i + " is " + indexes[i] + " but the header has only "
                        + dirs.size() + " DIRNAMES");
            }
            paths.add(dirs.get((int) indexes[i]) + bases.get(i));
        }
        return paths;
    }

    /**
     * The directories a file list names (each with its trailing slash, "" for a bare name), as
     * librpm computes them from OLDFILENAMES or reads them from DIRNAMES.
     */
    static List<String> dirNames(Header header) throws RpmFormatException {
        if (header.has(Tags.DIRNAMES) || !header.has(Tags.OLDFILENAMES)) {
            return header.strings(Tags.DIRNAMES);
        }
        List<String> dirs = new ArrayList<>();
        for (String path : header.strings(Tags.OLDFILENAMES)) {
            String dir = path.substring(0, path.lastIndexOf('/') + 1);
            if (!dirs.contains(dir)) {
                dirs.add(dir);
            }
        }
        return dirs;
    }
}
