package io.xsbuild.iso;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Turns directory records into entries of one name tree: groups multi-extent records, follows
 * Rock Ridge relocations, checks every name, link and extent, and walks the whole tree refusing
 * any directory extent reached twice.
 */
final class TreeWalker {

    static final int MAX_PATH = 4096;

    private static final int PERMISSIONS = 07777;
    private static final int DIRECTORY_PERMISSIONS = 0555;
    private static final int FILE_PERMISSIONS = 0555;
    private static final int LINK_PERMISSIONS = 0777;

    private final DirectoryReader directories;
    private final SuspReader susp;
    private final IsoVolume.Names names;
    private final int suspSkip;

    TreeWalker(DirectoryReader directories, SuspReader susp, IsoVolume.Names names, int suspSkip) {
        this.directories = directories;
        this.susp = susp;
        this.names = names;
        this.suspSkip = suspSkip;
    }

    /** An entry and the image offset of the directory record it was read from. */
    record Child(IsoEntry entry, long recordOffset) {
    }

    /** Every entry below {@code root}, depth first, each directory's entries in the order recorded. */
    List<IsoEntry> walk(Child root) throws IsoException {
        List<IsoEntry> entries = new ArrayList<>();
        List<Child> links = new ArrayList<>();
        List<Child> files = new ArrayList<>();
        Set<Long> visited = new HashSet<>();
        visit(root, visited);
        Deque<Iterator<Child>> pending = new ArrayDeque<>();
        pending.push(children(root).iterator());
        while (!pending.isEmpty()) {
            Iterator<Child> siblings = pending.peek();
            if (!siblings.hasNext()) {
                pending.pop();
                continue;
            }
            Child child = siblings.next();
            entries.add(child.entry());
            if (child.entry().isSymlink()) {
                links.add(child);
            } else if (child.entry().isFile()) {
                files.add(child);
            } else if (child.entry().isDirectory()) {
                visit(child, visited);
                pending.push(children(child).iterator());
            }
        }
        new SymlinkCheck(directories.iso(), entries).check(links);
        refuseSharedContent(files);
        return entries;
    }

    /**
     * Refuses two files whose contents share bytes of the image: no tool writes one extent for two
     * names unless it is told to, and such an image cannot be read front to back, each byte once
     * for one file. A file's own extents are not compared with each other.
     */
    private void refuseSharedContent(List<Child> files) throws CorruptIsoException {
        record Part(long start, long end, Child file) {
        }
        List<Part> parts = new ArrayList<>();
        for (Child file : files) {
            for (Extent e : file.entry().extents()) {
                if (e.length() > 0) {
                    parts.add(new Part(e.offset(), e.offset() + e.length(), file));
                }
            }
        }
        parts.sort(Comparator.comparingLong(Part::start).thenComparingLong(p -> p.file().recordOffset()));
        Part reach = null;
        for (Part part : parts) {
            if (reach != null && part.start() < reach.end() && reach.file() != part.file()) {
                Child first = reach.file().recordOffset() < part.file().recordOffset() ? reach.file() : part.file();
                Child second = first == part.file() ? reach.file() : part.file();
                throw new CorruptIsoException(directories.iso(), second.recordOffset(), "the files " + first.entry().path()
                        + " and " + second.entry().path() + " share the image's bytes from block "
                        + part.start() / DirectoryReader.SECTOR + ": each file's content must lie apart");
            }
            if (reach == null || part.end() > reach.end()) {
                reach = part;
            }
        }
    }

    /** The entries of one directory, in the order recorded. */
    List<Child> children(Child directory) throws IsoException {
        Extent extent = directory.entry().extents().get(0);
        List<DirectoryRecord> records = directories.read(extent.offset() / DirectoryReader.SECTOR, extent.length(),
                directory.recordOffset());
        List<Child> children = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int i = 0;
        while (i < records.size()) {
            int last = lastExtent(records, i);
            List<DirectoryRecord> group = records.subList(i, last + 1);
            i = last + 1;
            DirectoryRecord first = group.get(0);
            if (first.isSelf() || first.isParent() || first.isAssociated()) {
                continue;
            }
            Child child = child(directory.entry().path(), group);
            if (child == null) {
                continue;
            }
            if (!seen.add(child.entry().name())) {
                throw new UnsafeIsoEntryException(directories.iso(), first.offset(), child.entry().path(),
                        "a second entry of that name in the same directory");
            }
            children.add(child);
        }
        return children;
    }

    private void visit(Child directory, Set<Long> visited) throws UnsafeIsoEntryException {
        long block = directory.entry().extents().get(0).offset() / DirectoryReader.SECTOR;
        if (!visited.add(block)) {
            throw new UnsafeIsoEntryException(directories.iso(), directory.recordOffset(), directory.entry().path(),
                    "its directory extent at block " + block + " was read already: the directory tree loops");
        }
    }

    /** The index of the record that ends the multi-extent group starting at {@code first}. */
    private static int lastExtent(List<DirectoryRecord> records, int first) throws CorruptIsoException {
        DirectoryRecord start = records.get(first);
        int last = first;
        while (records.get(last).isMultiExtent()) {
            last++;
            if (last == records.size()) {
                throw start.corrupt(DirectoryRecord.FLAGS, "a multi-extent file whose final extent record is missing");
            }
            if (!Arrays.equals(records.get(last).identifier(), start.identifier())) {
                throw records.get(last).corrupt(DirectoryRecord.IDENTIFIER,
                        "a multi-extent file continues under another identifier");
            }
        }
        return last;
    }

    private Child child(String parent, List<DirectoryRecord> group) throws IsoException {
        DirectoryRecord record = group.get(0);
        RockRidge rr = names == IsoVolume.Names.ROCK_RIDGE ? RockRidge.of(susp.entries(record, suspSkip)) : null;
        if (rr != null && rr.relocated()) {
            return null;
        }
        String name = name(record, rr);
        String path = parent.isEmpty() ? name : parent + "/" + name;
        String unsafe = EntryNames.unsafe(name);
        if (unsafe != null) {
            throw new UnsafeIsoEntryException(directories.iso(), record.offset(), path, unsafe);
        }
        if (path.length() > MAX_PATH) {
            throw new UnsafeIsoEntryException(directories.iso(), record.offset(), path.substring(0, 64) + "...",
                    "a path longer than " + MAX_PATH + " characters");
        }
        Instant modified = rr != null && rr.modified() != null ? rr.modified() : record.recorded();
        int permissions = rr != null && rr.hasMode() ? rr.mode() & PERMISSIONS : -1;
        if (record.isDirectory() || rr != null && rr.childLink() != RockRidge.NO_LINK) {
            return directory(path, group, rr, modified, permissions < 0 ? DIRECTORY_PERMISSIONS : permissions);
        }
        if (rr != null && rr.isSymlink()) {
            if (rr.symlink() == null) {
                throw record.corrupt(0, "the symbolic link " + path + " has no SL target");
            }
            return new Child(new IsoEntry(path, IsoEntry.Type.SYMLINK, 0, modified,
                    permissions < 0 ? LINK_PERMISSIONS : permissions, rr.symlink(), List.of()), record.offset());
        }
        if (rr != null && rr.isSpecial()) {
            return new Child(new IsoEntry(path, IsoEntry.Type.SPECIAL, 0, modified, permissions, null, List.of()),
                    record.offset());
        }
        if (rr != null && rr.encoded() != null) {
            throw new UnsupportedIsoException(directories.iso(), record.offset(), rr.encoded() + " for " + path,
                    "make the image without it (xorriso: -zisofs off, no --zisofs in -as mkisofs)");
        }
        return file(path, group, modified, permissions < 0 ? FILE_PERMISSIONS : permissions);
    }

    private String name(DirectoryRecord record, RockRidge rr) throws CorruptIsoException {
        return switch (names) {
            case ROCK_RIDGE -> rr.name() != null ? rr.name() : EntryNames.plain(record.identifier(), record.isDirectory());
            case JOLIET -> EntryNames.joliet(record);
            case ISO9660 -> EntryNames.plain(record.identifier(), record.isDirectory());
        };
    }

    private Child directory(String path, List<DirectoryRecord> group, RockRidge rr, Instant modified, int permissions)
            throws IsoException {
        DirectoryRecord record = group.get(0);
        if (group.size() > 1) {
            throw record.corrupt(DirectoryRecord.FLAGS, "the directory " + path + " is recorded as a multi-extent file");
        }
        DirectoryRecord extent = record;
        if (rr != null && rr.childLink() != RockRidge.NO_LINK) {
            extent = directories.self(rr.childLink(), record.offset());
        }
        return new Child(new IsoEntry(path, IsoEntry.Type.DIRECTORY, 0, modified, permissions, null,
                List.of(new Extent(extent.dataBlock() * DirectoryReader.SECTOR, extent.dataLength()))), record.offset());
    }

    private Child file(String path, List<DirectoryRecord> group, Instant modified, int permissions) throws IsoException {
        List<Extent> extents = new ArrayList<>(group.size());
        long size = 0;
        long volumeEnd = directories.volumeEnd();
        for (DirectoryRecord part : group) {
            if (part.unitSize() != 0 || part.gap() != 0) {
                throw new UnsupportedIsoException(directories.iso(), part.offset() + DirectoryRecord.UNIT_SIZE, "interleaved recording for " + path,
                        "make the image without interleaving");
            }
            if (part.dataLength() == 0) {
                continue;
            }
            long block = part.dataBlock();
            if (block >= volumeEnd / DirectoryReader.SECTOR || part.dataLength() > volumeEnd - block * DirectoryReader.SECTOR) {
                throw part.corrupt(DirectoryRecord.LOCATION, "the extent of " + path + " (" + part.dataLength()
                        + " bytes at block " + block + ") runs past the end of the volume at byte " + volumeEnd);
            }
            extents.add(new Extent(block * DirectoryReader.SECTOR, part.dataLength()));
            size += part.dataLength();
        }
        return new Child(new IsoEntry(path, IsoEntry.Type.FILE, size, modified, permissions, null, extents),
                group.get(0).offset());
    }
}
