package io.xsbuild.iso;

import io.xsbuild.event.Events;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import static io.xsbuild.iso.DirectoryReader.SECTOR;

/**
 * Where every part of an image being written goes, block by block, and the writing of it in that
 * order: the system area, the primary and Joliet volume descriptors and the terminator, each tree's
 * path tables, the primary directories, their Rock Ridge continuation areas, the Joliet directories,
 * then the files' contents in the order of their paths. Both trees share the files' extents.
 */
final class ImageLayout {

    static final int MAX_LEVELS = 8;
    private static final int SYSTEM_AREA = 16;
    private static final long MAX_BLOCKS = 0xFFFF_FFFFL;
    private static final int MAX_DIRECTORIES = 0xFFFF;

    private final String volumeId;
    private final Instant created;
    private final TreeLayout primary;
    private final TreeLayout joliet;
    private final List<IsoNode> files = new ArrayList<>();
    private final long continuations;
    private final long blocks;

    ImageLayout(IsoNode root, String volumeId, Instant created, Function<IsoNode, Instant> time, long maxExtent)
            throws IsoWriteException {
        this.volumeId = volumeId;
        this.created = created;
        primary = new TreeLayout(root, NameScheme.LEVEL1, time, maxExtent);
        if (primary.directories().size() > MAX_DIRECTORIES) {
            throw new IsoWriteException("the image would hold " + primary.directories().size() + " directories, more than the "
                    + MAX_DIRECTORIES + " an ISO9660 path table can number", "split the tree over several images");
        }
        for (IsoNode dir : primary.directories()) {
            if (dir.level() > MAX_LEVELS) {
                throw new IsoWriteException("the directory " + dir.path + " is " + dir.level()
                        + " levels deep, and ISO9660 allows " + MAX_LEVELS + " (the root is level 1)",
                        "flatten the tree: xsbuild does not relocate deep directories");
            }
        }
        joliet = new TreeLayout(root, NameScheme.JOLIET, time, maxExtent);
        collectFiles(root);
        files.sort(Comparator.comparing(file -> file.path));

        long block = SYSTEM_AREA + 3;
        block = primary.placePathTables(block);
        block = joliet.placePathTables(block);
        ContinuationAreas dryRun = new ContinuationAreas(0);
        block = primary.placeDirectories(block, dryRun);
        continuations = block;
        block += dryRun.blocks();
        block = joliet.placeDirectories(block, dryRun);
        for (IsoNode file : files) {
            file.dataBlock = file.size == 0 ? 0 : block;
            block += TreeLayout.blocks(file.size);
        }
        blocks = block;
        if (blocks > MAX_BLOCKS) {
            throw new IsoWriteException("the image would take " + blocks + " blocks of " + SECTOR
                    + " bytes, more than ISO9660 can address (" + MAX_BLOCKS + ")", "split the files over several images");
        }
    }

    private void collectFiles(IsoNode dir) {
        for (IsoNode entry : dir.children.values()) {
            if (entry.kind == IsoNode.Kind.FILE) {
                files.add(entry);
            } else if (entry.isDirectory()) {
                collectFiles(entry);
            }
        }
    }

    /** Writes the whole image into {@code out}, which is empty; {@code image} names it in errors and events. */
    void write(FileChannel out, Path image, Events events) throws IsoWriteException {
        try {
            write(out, new byte[SYSTEM_AREA * SECTOR]);
            write(out, primary.descriptor(volumeId, created, blocks));
            write(out, joliet.descriptor(volumeId, created, blocks));
            write(out, VolumeDescriptors.terminator());
            write(out, primary.pathTables());
            write(out, joliet.pathTables());
            ContinuationAreas areas = new ContinuationAreas(continuations);
            for (IsoNode dir : primary.directories()) {
                write(out, primary.extent(dir, areas));
            }
            write(out, areas.toByteArray());
            for (IsoNode dir : joliet.directories()) {
                write(out, joliet.extent(dir, areas));
            }
        } catch (IOException e) {
            throw cannotWrite(image, e);
        }
        String task = "Writing " + image.getFileName();
        long total = files.stream().mapToLong(file -> file.size).sum();
        long done = 0;
        for (IsoNode file : files) {
            copy(file, out, image);
            done += file.size;
            events.progress(new Events.Progress(task, done, total, "B", file.path));
        }
        events.progressDone(task);
        if (position(out, image) != blocks * SECTOR) {
            throw new IllegalStateException("wrote " + position(out, image) + " bytes for " + blocks + " blocks");
        }
    }

    private static void copy(IsoNode file, FileChannel out, Path image) throws IsoWriteException {
        if (position(out, image) != file.dataBlock * SECTOR && file.size > 0) {
            throw new IllegalStateException(file.path + " lands at byte " + position(out, image) + ", not in block " + file.dataBlock);
        }
        try {
            if (file.content != null) {
                write(out, file.content);
            } else {
                copyFrom(file, out, image);
            }
            write(out, new byte[(int) (TreeLayout.blocks(file.size) * SECTOR - file.size)]);
        } catch (IOException e) {
            throw new IsoWriteException("cannot copy " + (file.source != null ? file.source : file.path) + " into "
                    + image + ": " + e, "check that the file is readable and the disk has room", e);
        }
    }

    /** Streams a host file, checking that it still has the size the layout planned for. */
    private static void copyFrom(IsoNode file, FileChannel out, Path image) throws IOException, IsoWriteException {
        try (FileChannel in = FileChannel.open(file.source, StandardOpenOption.READ)) {
            long done = 0;
            while (done < file.size) {
                long n = in.transferTo(done, file.size - done, out);
                if (n == 0 && done >= in.size()) {
                    break;
                }
                done += n;
            }
            if (done != file.size || in.size() != file.size) {
                throw new IsoWriteException(file.source + " changed while it was written into " + image + ": it had "
                        + file.size + " bytes, now " + in.size(), "write the image again once nothing writes to the file");
            }
        }
    }

    private static void write(FileChannel out, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private static long position(FileChannel out, Path image) throws IsoWriteException {
        try {
            return out.position();
        } catch (IOException e) {
            throw cannotWrite(image, e);
        }
    }

    static IsoWriteException cannotWrite(Path image, IOException e) {
        return new IsoWriteException("cannot write ISO " + image + ": " + e, "check that the directory is writable and the disk has room", e);
    }
}
