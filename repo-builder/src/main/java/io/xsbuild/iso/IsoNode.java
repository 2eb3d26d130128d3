package io.xsbuild.iso;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One entry of the tree {@link IsoWriter} records: where its content comes from, what Rock Ridge
 * says of it, and, once laid out, where each name tree puts it.
 */
final class IsoNode {

    enum Kind { FILE, DIRECTORY, SYMLINK }

    final IsoNode parent;
    final String path;
    final String name;
    final Kind kind;
    /** The host file a file's content is copied from, or null. */
    final Path source;
    /** A file's content when it is given as bytes, or null. */
    final byte[] content;
    final long size;
    final String target;
    final SortedMap<String, IsoNode> children = new TreeMap<>();
    /** Permission bits; for a directory, replaced when a directory given explicitly meets an implied one. */
    int permissions;
    /** The modification time, or null for the writer's default. */
    Instant modified;

    /** Where the primary (ISO9660 + Rock Ridge) tree and the Joliet tree put the entry. */
    final Place primary = new Place();
    final Place joliet = new Place();
    /** The first block of a file's content; 0 for an empty file. */
    long dataBlock;
    /** Where in {@link #source} a file's content lies, in order, or null for the whole file. */
    List<Extent> ranges;
    /** The file is the El Torito catalog, written once the layout is known. */
    boolean catalog;
    /** The file is a boot image to patch with a boot info table, or GRUB 2's boot info. */
    boolean bootInfoTable;
    boolean grub2BootInfo;

    static final class Place {
        String id;
        int number;
        long block;
        long size;
    }

    IsoNode(IsoNode parent, String name, Kind kind, Path source, byte[] content, long size, String target,
            int permissions, Instant modified) {
        this.parent = parent;
        this.name = name;
        this.path = parent == null || parent.path.isEmpty() ? name : parent.path + "/" + name;
        this.kind = kind;
        this.source = source;
        this.content = content;
        this.size = size;
        this.target = target;
        this.permissions = permissions;
        this.modified = modified;
    }

    /** What the content is, so that files with the same content share their blocks. */
    Object contentKey() {
        if (catalog || bootInfoTable || grub2BootInfo || size == 0) {
            return this;
        }
        if (content != null) {
            return this;
        }
        return ranges == null ? List.of(source) : List.of(source, ranges);
    }

    boolean isDirectory() {
        return kind == Kind.DIRECTORY;
    }

    /** The directory's level in the hierarchy: the root is level 1 (ECMA-119 6.8.2.1). */
    int level() {
        return parent == null ? 1 : parent.level() + 1;
    }

    /** st_mode as Rock Ridge PX records it: type and permission bits. */
    int mode() {
        int type = switch (kind) {
            case FILE -> RockRidge.S_IFREG;
            case DIRECTORY -> RockRidge.S_IFDIR;
            case SYMLINK -> RockRidge.S_IFLNK;
        };
        return type | permissions;
    }

    /** st_nlink: a directory's "." and each subdirectory's "..", or 1. */
    int links() {
        return isDirectory() ? 2 + (int) children.values().stream().filter(IsoNode::isDirectory).count() : 1;
    }
}
