package io.xsbuild.iso;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A file, directory, symbolic link or special file in an ISO image, as its name tree (Rock Ridge,
 * Joliet or plain ISO9660) presents it.
 *
 * @param path          '/'-separated, relative to the image root, never empty, never with "." or ".."
 * @param type          what the entry is
 * @param size          bytes of content for a file; 0 for anything else
 * @param modified      modification time (Rock Ridge TF, else the directory record's date)
 * @param permissions   permission bits (Rock Ridge PX, else 0555 as xorriso presents a tree without Rock Ridge)
 * @param symlinkTarget the link's target as recorded, for a symbolic link; null otherwise
 * @param extents       where the content lies in the image, in order: a file's data (several
 *                      extents for a multi-extent file), a directory's records; empty otherwise
 */
public record IsoEntry(String path, Type type, long size, Instant modified, int permissions, String symlinkTarget,
                       List<Extent> extents) {

    public enum Type { FILE, DIRECTORY, SYMLINK, SPECIAL }

    public IsoEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(modified, "modified");
        extents = List.copyOf(extents);
    }

    /** The last component of the path. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The path of the directory holding the entry, "" for the root. */
    public String parent() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    public boolean isFile() {
        return type == Type.FILE;
    }

    public boolean isDirectory() {
        return type == Type.DIRECTORY;
    }

    public boolean isSymlink() {
        return type == Type.SYMLINK;
    }
}
