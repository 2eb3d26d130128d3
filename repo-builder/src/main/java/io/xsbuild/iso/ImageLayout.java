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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static io.xsbuild.iso.DirectoryReader.SECTOR;

/**
 * Where every part of an image being written goes, block by block, and the writing of it in that
 * order: the system area, the primary volume descriptor, the El Torito boot record, the Joliet
 * descriptor and the terminator, each tree's path tables, the primary directories, their Rock
 * Ridge continuation areas, the Joliet directories, then the files' contents: the boot catalog and
 * boot images first, the rest in the order of their paths. Both trees share the files' extents,
 * and files of the same content (the same stretch of the same source) share theirs. After the
 * volume, for a hybrid image: padding, appended partitions and the backup GPT.
 */
final class ImageLayout {

    static final int MAX_LEVELS = 8;
    private static final int SYSTEM_AREA = 16;
    private static final long MAX_BLOCKS = 0xFFFF_FFFFL;
    private static final int MAX_DIRECTORIES = 0xFFFF;
    private static final int SECTORS_PER_BLOCK = SECTOR / Gpt.SECTOR;
    /** Boot images patched in memory are at most this big (isolinux.bin is 40 KiB, GRUB's eltorito.img some 100). */
    private static final int MAX_PATCHED = 32 << 20;
    private static final int GRUB2_BOOT_INFO = 512 * 5 - 12;

    private final String volumeId;
    private final Instant created;
    private final byte[] modifiedField;
    private final TreeLayout primary;
    private final TreeLayout joliet;
    private final ElTorito boot;
    private final SystemArea area;
    private final IsoNode catalog;
    /** Every file, in the order their contents are written; those sharing content appear once. */
    private final List<IsoNode> files = new ArrayList<>();
    private final Map<String, IsoNode> byPath = new HashMap<>();
    private final long continuations;
    private final long blocks;
    /** The whole image in 512-byte sectors: the volume and, for a hybrid image, what follows it. */
    private final long sectors;

    ImageLayout(IsoNode root, String volumeId, Instant created, byte[] modifiedField, Function<IsoNode, Instant> time,
                long maxExtent, ElTorito boot, IsoNode catalog, SystemArea area) throws IsoWriteException {
        this.volumeId = volumeId;
        this.created = created;
        this.modifiedField = modifiedField;
        this.boot = boot;
        this.catalog = catalog;
        this.area = area;
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
        List<IsoNode> all = new ArrayList<>();
        collectFiles(root, all);
        if (catalog != null && !all.contains(catalog)) {
            all.add(catalog);
        }
        all.forEach(f -> byPath.put(f.path, f));
        all.sort(Comparator.comparing(file -> file.path));
        List<IsoNode> order = bootFirst(all);

        long block = SYSTEM_AREA + 3 + (boot == null ? 0 : 1);
        block = primary.placePathTables(block);
        block = joliet.placePathTables(block);
        ContinuationAreas dryRun = new ContinuationAreas(0);
        block = primary.placeDirectories(block, dryRun);
        continuations = block;
        block += dryRun.blocks();
        block = joliet.placeDirectories(block, dryRun);
        Map<Object, IsoNode> shared = new HashMap<>();
        for (IsoNode file : order) {
            IsoNode same = shared.putIfAbsent(file.contentKey(), file);
            if (same != null) {
                file.dataBlock = same.dataBlock;
                continue;
            }
            file.dataBlock = file.size == 0 ? 0 : block;
            block += TreeLayout.blocks(file.size);
            files.add(file);
        }
        blocks = block;
        if (blocks > MAX_BLOCKS) {
            throw new IsoWriteException("the image would take " + blocks + " blocks of " + SECTOR
                    + " bytes, more than ISO9660 can address (" + MAX_BLOCKS + ")", "split the files over several images");
        }
        sectors = area == null ? blocks * SECTORS_PER_BLOCK : hybridSectors();
    }

    private void collectFiles(IsoNode dir, List<IsoNode> into) {
        for (IsoNode entry : dir.children.values()) {
            if (entry.kind == IsoNode.Kind.FILE) {
                into.add(entry);
            } else if (entry.isDirectory()) {
                collectFiles(entry, into);
            }
        }
    }

    /** The catalog, then the boot images in catalog order, then the other files as they are. */
    private List<IsoNode> bootFirst(List<IsoNode> sorted) throws IsoWriteException {
        if (boot == null) {
            return sorted;
        }
        Set<IsoNode> first = new LinkedHashSet<>();
        first.add(catalog);
        for (ElTorito.Image image : boot.images()) {
            if (image.path() != null) {
                IsoNode file = file(image.path(), "an El Torito boot image");
                if (file.size == 0) {
                    throw new IsoWriteException("the El Torito boot image " + image.path() + " is empty", "give a boot image with content");
                }
                file.bootInfoTable |= image.bootInfoTable();
                file.grub2BootInfo |= image.grub2BootInfo();
                first.add(file);
            }
        }
        List<IsoNode> order = new ArrayList<>(first);
        sorted.stream().filter(f -> !first.contains(f)).forEach(order::add);
        return order;
    }

    private IsoNode file(String path, String what) throws IsoWriteException {
        IsoNode file = byPath.get(path);
        if (file == null) {
            throw new IsoWriteException(what + " is to be " + path + ", which the image does not hold as a file",
                    "add the file, or leave it out of the boot setup");
        }
        return file;
    }

    /**
     * The sectors of a hybrid image: the volume, then room for what is anchored to the end (appended
     * partitions, the backup GPT), rounded up to the alignment (and to whole blocks).
     */
    private long hybridSectors() throws IsoWriteException {
        long volume = blocks * SECTORS_PER_BLOCK;
        long tail = 0;
        for (Anchor a : anchors()) {
            if (a instanceof Anchor.FromEnd e) {
                tail = Math.max(tail, e.sectors());
            }
        }
        if (area.gpt() != null) {
            tail = Math.max(tail, 1 + area.gpt().arraySectors());
        }
        long align = area.alignSectors();
        long need = volume + tail;
        long total = Math.max(0, (need - area.alignFromEnd() + align - 1) / align) * align + area.alignFromEnd();
        while (total < need) {
            total += align;
        }
        for (SystemArea.Appended a : area.appended()) {
            long start = total - a.start().sectors();
            long end = start + a.length() / Gpt.SECTOR;
            long limit = area.gpt() == null ? total : total - 1 - area.gpt().arraySectors();
            if (end > limit) {
                throw new IsoWriteException("the partition appended " + a.start().sectors() + " sectors before the end of the"
                        + " image (" + a.length() + " bytes) overlaps what follows it", "append partitions that do not overlap");
            }
        }
        return total;
    }

    private List<Anchor> anchors() {
        List<Anchor> anchors = new ArrayList<>();
        if (boot != null) {
            boot.images().forEach(i -> anchors.add(i.at()));
        }
        if (area != null) {
            area.mbr().forEach(p -> {
                anchors.add(p.start());
                anchors.add(p.end());
            });
            if (area.pointer() != null) {
                anchors.add(area.pointer().at());
            }
            if (area.gpt() != null) {
                anchors.add(area.gpt().firstUsable());
                anchors.add(area.gpt().usableEnd());
                area.gpt().partitions().forEach(p -> {
                    anchors.add(p.start());
                    anchors.add(p.end());
                });
            }
            area.appended().forEach(a -> anchors.add(a.start()));
        }
        return anchors;
    }

    /** The sector {@code anchor} names in this layout. */
    long sector(Anchor anchor) throws IsoWriteException {
        if (anchor instanceof Anchor.Sector s) {
            return s.sector();
        }
        if (anchor instanceof Anchor.FromEnd e) {
            return sectors - e.sectors();
        }
        if (anchor instanceof Anchor.VolumeEnd) {
            return blocks * SECTORS_PER_BLOCK;
        }
        String path = anchor instanceof Anchor.FileStart f ? f.path() : ((Anchor.FileEnd) anchor).path();
        IsoNode file = file(path, "a partition or boot pointer");
        long start = file.dataBlock * SECTORS_PER_BLOCK;
        return anchor instanceof Anchor.FileStart ? start : start + (file.size + Gpt.SECTOR - 1) / Gpt.SECTOR;
    }

    /** Writes the whole image into {@code out}, which is empty; {@code image} names it in errors and events. */
    void write(FileChannel out, Path image, Events events) throws IsoWriteException {
        try {
            write(out, systemArea());
            write(out, primary.descriptor(volumeId, created, modifiedField, blocks));
            if (boot != null) {
                write(out, VolumeDescriptors.bootRecord(catalog.dataBlock));
            }
            write(out, joliet.descriptor(volumeId, created, modifiedField, blocks));
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
        if (position(out, image) != blocks * SECTOR) {
            throw new IllegalStateException("wrote " + position(out, image) + " bytes for " + blocks + " blocks");
        }
        if (area != null) {
            writeTail(out, image);
        }
        events.progressDone(task);
    }

    /** The first 16 blocks: zeros, or the hybrid image's system area with its tables filled in. */
    private byte[] systemArea() throws IsoWriteException {
        if (area == null) {
            return new byte[SYSTEM_AREA * SECTOR];
        }
        byte[] bytes = area.bytes();
        if (!area.mbr().isEmpty()) {
            List<Mbr.Resolved> resolved = new ArrayList<>();
            for (Mbr.Partition p : area.mbr()) {
                resolved.add(new Mbr.Resolved(p.slot(), p.status(), p.type(), sector(p.start()), sector(p.end()),
                        p.geometryChs()));
            }
            Mbr.write(bytes, resolved, area.geometry());
        }
        if (area.pointer() != null) {
            Gpt.le64(bytes, Mbr.BOOT_POINTER, sector(area.pointer().at()) + area.pointer().add());
        }
        if (area.gpt() != null) {
            Gpt.Plan plan = area.gpt();
            byte[] array = gptArray(plan);
            long arrayLba = plan.table().entriesLba();
            java.util.Arrays.fill(bytes, Gpt.SECTOR, bytes.length, (byte) 0);
            System.arraycopy(Gpt.header(plan, array, 1, sectors - 1, arrayLba, sector(plan.firstUsable()),
                    sector(plan.usableEnd()) - 1), 0, bytes, Gpt.SECTOR, Gpt.SECTOR);
            System.arraycopy(array, 0, bytes, (int) (arrayLba * Gpt.SECTOR), array.length);
        }
        return bytes;
    }

    private byte[] gptArray(Gpt.Plan plan) throws IsoWriteException {
        List<long[]> placed = new ArrayList<>();
        for (Gpt.Partition p : plan.partitions()) {
            placed.add(new long[] {sector(p.start()), sector(p.end())});
        }
        return Gpt.array(plan, placed);
    }

    /** After the volume: zeros, the appended partitions where they go, the backup GPT in the last sectors. */
    private void writeTail(FileChannel out, Path image) throws IsoWriteException {
        List<SystemArea.Appended> appended = new ArrayList<>(area.appended());
        appended.sort(Comparator.comparingLong(a -> -a.start().sectors()));
        try {
            for (SystemArea.Appended a : appended) {
                long at = (sectors - a.start().sectors()) * Gpt.SECTOR;
                zeros(out, at - out.position());
                try (FileChannel in = FileChannel.open(a.source(), StandardOpenOption.READ)) {
                    if (in.size() < a.offset() + a.length()) {
                        throw new IsoWriteException(a.source() + " ends before the " + a.length() + " bytes at byte " + a.offset()
                                + " that are to be appended to " + image, "write the image again from an unchanged source");
                    }
                    transfer(in, a.offset(), a.length(), out);
                }
            }
            long end = sectors * Gpt.SECTOR;
            if (area.gpt() != null) {
                Gpt.Plan plan = area.gpt();
                byte[] array = gptArray(plan);
                long arrayLba = sectors - 1 - plan.arraySectors();
                zeros(out, arrayLba * Gpt.SECTOR - out.position());
                write(out, array);
                write(out, Gpt.header(plan, array, sectors - 1, 1, arrayLba, sector(plan.firstUsable()),
                        sector(plan.usableEnd()) - 1));
            }
            zeros(out, end - out.position());
        } catch (IOException e) {
            throw cannotWrite(image, e);
        }
    }

    private static void zeros(FileChannel out, long n) throws IOException {
        if (n < 0) {
            throw new IllegalStateException("the tail of the image overlaps itself by " + -n + " bytes");
        }
        byte[] zero = new byte[(int) Math.min(n, 1 << 20)];
        for (long left = n; left > 0; left -= zero.length) {
            write(out, left >= zero.length ? zero : new byte[(int) left]);
        }
    }

    private void copy(IsoNode file, FileChannel out, Path image) throws IsoWriteException {
        if (position(out, image) != file.dataBlock * SECTOR && file.size > 0) {
            throw new IllegalStateException(file.path + " lands at byte " + position(out, image) + ", not in block " + file.dataBlock);
        }
        try {
            if (file.catalog) {
                write(out, catalogBytes());
            } else if (file.bootInfoTable || file.grub2BootInfo) {
                write(out, patched(file, image));
            } else if (file.content != null) {
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

    /** The catalog with every image's block as laid out. */
    private byte[] catalogBytes() throws IsoWriteException {
        List<Long> at = new ArrayList<>();
        for (ElTorito.Image image : boot.images()) {
            long sector = sector(image.at());
            if (sector % SECTORS_PER_BLOCK != 0) {
                throw new IsoWriteException("the El Torito image at sector " + sector + " does not start a block", null);
            }
            at.add(sector / SECTORS_PER_BLOCK);
        }
        byte[] bytes = boot.catalog().withBlocks(at).encode();
        if (bytes.length != catalog.size) {
            throw new IllegalStateException("a catalog of " + bytes.length + " bytes for " + catalog.size);
        }
        return bytes;
    }

    /**
     * A boot image with the tables isolinux and GRUB read to find themselves: the boot info table
     * (El Torito's companion spec, as mkisofs {@code -boot-info-table} writes it: the primary
     * descriptor's block, the image's block and length, the sum of its 32-bit words from byte 64) and
     * GRUB 2's pointer at byte 2548 (its 512-byte sector plus 5).
     */
    private byte[] patched(IsoNode file, Path image) throws IOException, IsoWriteException {
        if (file.size > MAX_PATCHED) {
            throw new IsoWriteException("the boot image " + file.path + " of " + file.size + " bytes is too large to patch"
                    + " (at most " + MAX_PATCHED + ")", "use a boot image without a boot info table");
        }
        byte[] bytes;
        if (file.content != null) {
            bytes = file.content.clone();
        } else {
            bytes = readContent(file);
            if (bytes == null) {
                throw new IsoWriteException(file.source + " ends before the " + file.size + " bytes of " + file.path
                        + " that are to be written into " + image, "write the image again from an unchanged source");
            }
        }
        if (file.grub2BootInfo) {
            if (bytes.length < GRUB2_BOOT_INFO + 8) {
                throw new IsoWriteException("the boot image " + file.path + " is too short for GRUB 2's boot info", null);
            }
            Gpt.le64(bytes, GRUB2_BOOT_INFO, file.dataBlock * SECTORS_PER_BLOCK + 5);
        }
        if (file.bootInfoTable) {
            if (bytes.length < 64) {
                throw new IsoWriteException("the boot image " + file.path + " is too short for a boot info table", null);
            }
            long sum = 0;
            for (int at = 64; at < bytes.length; at += 4) {
                for (int k = 0; k < 4 && at + k < bytes.length; k++) {
                    sum += (bytes[at + k] & 0xffL) << (8 * k);
                }
            }
            Fields.le32(bytes, 8, VolumeDescriptors.FIRST_BLOCK);
            Fields.le32(bytes, 12, file.dataBlock);
            Fields.le32(bytes, 16, file.size);
            Fields.le32(bytes, 20, sum & 0xFFFF_FFFFL);
            java.util.Arrays.fill(bytes, 24, 64, (byte) 0);
        }
        return bytes;
    }

    /** The whole content of a file from its source: the host file, or the stretches of it the file is made of. */
    private static byte[] readContent(IsoNode file) throws IOException {
        List<Extent> ranges = file.ranges == null ? List.of(new Extent(0, file.size)) : file.ranges;
        byte[] bytes = new byte[(int) file.size];
        int filled = 0;
        try (FileChannel in = FileChannel.open(file.source, StandardOpenOption.READ)) {
            for (Extent e : ranges) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes, filled, (int) e.length());
                long at = e.offset();
                while (buffer.hasRemaining()) {
                    int n = in.read(buffer, at);
                    if (n < 0) {
                        return null;
                    }
                    at += n;
                }
                filled += (int) e.length();
            }
        }
        return bytes;
    }

    /** Streams a host file, or the stretches of it the file is made of, checking the sizes the layout planned for. */
    private static void copyFrom(IsoNode file, FileChannel out, Path image) throws IOException, IsoWriteException {
        try (FileChannel in = FileChannel.open(file.source, StandardOpenOption.READ)) {
            if (file.ranges == null) {
                long done = transfer(in, 0, file.size, out);
                if (done != file.size || in.size() != file.size) {
                    throw new IsoWriteException(file.source + " changed while it was written into " + image + ": it had "
                            + file.size + " bytes, now " + in.size(), "write the image again once nothing writes to the file");
                }
                return;
            }
            for (Extent e : file.ranges) {
                if (transfer(in, e.offset(), e.length(), out) != e.length()) {
                    throw new IsoWriteException(file.source + " ends before the " + e.length() + " bytes at byte " + e.offset()
                            + " that " + file.path + " is made of", "write the image again from an unchanged source");
                }
            }
        }
    }

    /** Copies up to {@code length} bytes of {@code in} from {@code offset}; gives how many there were. */
    private static long transfer(FileChannel in, long offset, long length, FileChannel out) throws IOException {
        long done = 0;
        while (done < length) {
            long n = in.transferTo(offset + done, length - done, out);
            if (n == 0 && offset + done >= in.size()) {
                break;
            }
            done += n;
        }
        return done;
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
