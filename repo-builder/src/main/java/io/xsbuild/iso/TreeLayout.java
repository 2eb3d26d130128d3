package io.xsbuild.iso;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import static io.xsbuild.iso.DirectoryReader.SECTOR;

/**
 * One name tree of an image being written, over the entries of {@link IsoNode}: the primary tree
 * (level 1 identifiers with Rock Ridge) or the Joliet tree (UCS-2 identifiers, no symbolic links).
 * It gives each entry its identifier and each directory its path table number, and encodes the path
 * tables (ECMA-119 9.4) and directory extents (9.1, 6.8.1.1) from the blocks {@link ImageLayout}
 * assigned.
 */
final class TreeLayout {

    private final IsoNode root;
    private final NameScheme scheme;
    private final boolean rockRidge;
    private final Function<IsoNode, Instant> time;
    private final long maxExtent;
    /** The directories in path table order: by level, then by parent, then by identifier. */
    private final List<IsoNode> directories = new ArrayList<>();
    /** The block of the L path table; the M table follows it. */
    private long pathTables;

    TreeLayout(IsoNode root, NameScheme scheme, Function<IsoNode, Instant> time, long maxExtent) {
        this.root = root;
        this.scheme = scheme;
        this.rockRidge = scheme == NameScheme.LEVEL1;
        this.time = time;
        this.maxExtent = maxExtent;
        place(root).id = "";
        directories.add(root);
        for (int i = 0; i < directories.size(); i++) {
            IsoNode dir = directories.get(i);
            place(dir).number = i + 1;
            List<IsoNode> entries = dir.children.values().stream().filter(this::holds).toList();
            scheme.assign(entries, e -> e.name, IsoNode::isDirectory).forEach((entry, id) -> place(entry).id = id);
            children(dir).stream().filter(IsoNode::isDirectory).forEach(directories::add);
        }
    }

    List<IsoNode> directories() {
        return directories;
    }

    IsoNode.Place place(IsoNode node) {
        return rockRidge ? node.primary : node.joliet;
    }

    /** Puts the path tables at {@code block}; gives the block after them. */
    long placePathTables(long block) {
        pathTables = block;
        return block + 2 * blocks(pathTable(false).length);
    }

    /**
     * Puts the directory extents one after the other from {@code block}, sized by a dry run whose
     * continuation areas go to {@code dryRun}; gives the block after them.
     */
    long placeDirectories(long block, ContinuationAreas dryRun) {
        for (IsoNode dir : directories) {
            place(dir).size = extent(dir, dryRun).length;
        }
        for (IsoNode dir : directories) {
            place(dir).block = block;
            block += place(dir).size / SECTOR;
        }
        return block;
    }

    /** The volume descriptor of this tree: primary, or Joliet's supplementary one. */
    byte[] descriptor(String volumeId, Instant created, byte[] modifiedField, long volumeBlocks) {
        byte[] rootRecord = directoryRecord(new byte[] {0}, root, new byte[0]);
        return VolumeDescriptors.encode(!rockRidge, volumeId, created, modifiedField, volumeBlocks, pathTable(false).length,
                pathTables, pathTables + blocks(pathTable(false).length), rootRecord);
    }

    /** The L then the M path table, each in whole blocks. */
    byte[] pathTables() {
        byte[] l = pathTable(false);
        byte[] both = new byte[(int) blocks(l.length) * 2 * SECTOR];
        System.arraycopy(l, 0, both, 0, l.length);
        System.arraycopy(pathTable(true), 0, both, both.length / 2, l.length);
        return both;
    }

    /** The L (little-endian) or M (big-endian) path table. */
    private byte[] pathTable(boolean bigEndian) {
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        for (IsoNode dir : directories) {
            byte[] id = dir == root ? new byte[] {0} : scheme.identifier(place(dir).id, true);
            byte[] record = new byte[8 + id.length + id.length % 2];
            record[0] = (byte) id.length;
            int parent = place(dir == root ? root : dir.parent).number;
            if (bigEndian) {
                Fields.be32(record, 2, place(dir).block);
                Fields.be16(record, 6, parent);
            } else {
                Fields.le32(record, 2, place(dir).block);
                Fields.le16(record, 6, parent);
            }
            System.arraycopy(id, 0, record, 8, id.length);
            table.writeBytes(record);
        }
        return table.toByteArray();
    }

    /**
     * The records of {@code dir}, in whole sectors: ".", "..", then its entries in identifier order,
     * a file larger than the extent limit as several records (multi-extent, ECMA-119 6.5.1).
     * Rock Ridge entries that overflow a record go to {@code areas}.
     */
    byte[] extent(IsoNode dir, ContinuationAreas areas) {
        Records records = new Records();
        IsoNode parent = dir == root ? root : dir.parent;
        List<byte[]> announce = dir == root ? List.of(SystemUse.sp(), SystemUse.er()) : List.of();
        records.add(directoryRecord(new byte[] {0}, dir, systemUse(1, dir, announce, List.of(), areas)));
        records.add(directoryRecord(new byte[] {1}, parent, systemUse(1, parent, List.of(), List.of(), areas)));
        for (IsoNode entry : children(dir)) {
            byte[] id = scheme.identifier(place(entry).id, entry.isDirectory());
            List<byte[]> names = new ArrayList<>(SystemUse.nm(entry.name));
            if (entry.kind == IsoNode.Kind.SYMLINK) {
                names.addAll(SystemUse.sl(entry.target));
            }
            byte[] systemUse = systemUse(id.length, entry, List.of(), names, areas);
            if (entry.isDirectory()) {
                records.add(directoryRecord(id, entry, systemUse));
                continue;
            }
            long offset = 0;
            do {
                long length = Math.min(maxExtent, entry.size - offset);
                int flags = offset + length < entry.size ? DirectoryRecord.MULTI_EXTENT : 0;
                long block = length == 0 ? 0 : entry.dataBlock + offset / SECTOR;
                records.add(DirectoryRecord.encode(id, block, length, time.apply(entry), flags, systemUse));
                offset += length;
            } while (offset < entry.size);
        }
        return records.sectors();
    }

    /** The entries of {@code dir} this tree holds, in identifier order. */
    private List<IsoNode> children(IsoNode dir) {
        Comparator<IsoNode> order = Comparator.comparing(node -> place(node).id, scheme.order());
        return dir.children.values().stream().filter(this::holds).sorted(order).toList();
    }

    private boolean holds(IsoNode node) {
        return rockRidge || node.kind != IsoNode.Kind.SYMLINK;
    }

    private byte[] directoryRecord(byte[] id, IsoNode dir, byte[] systemUse) {
        return DirectoryRecord.encode(id, place(dir).block, place(dir).size, time.apply(dir), DirectoryRecord.DIRECTORY,
                systemUse);
    }

    /** Rock Ridge's PX and TF for {@code node}, {@code head} before them (SP, ER) and {@code tail} after (NM, SL). */
    private byte[] systemUse(int idLength, IsoNode node, List<byte[]> head, List<byte[]> tail, ContinuationAreas areas) {
        if (!rockRidge) {
            return new byte[0];
        }
        List<byte[]> entries = new ArrayList<>(head);
        entries.add(SystemUse.px(node.mode(), node.links()));
        entries.add(SystemUse.tf(time.apply(node)));
        entries.addAll(tail);
        return SystemUse.area(entries, DirectoryRecord.systemUseRoom(idLength), areas);
    }

    static long blocks(long bytes) {
        return (bytes + SECTOR - 1) / SECTOR;
    }

    /** Records packed into sectors: a record never crosses a sector boundary (6.8.1.1). */
    private static final class Records {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        void add(byte[] record) {
            int left = SECTOR - bytes.size() % SECTOR;
            if (record.length > left) {
                bytes.writeBytes(new byte[left]);
            }
            bytes.writeBytes(record);
        }

        byte[] sectors() {
            bytes.writeBytes(new byte[(SECTOR - bytes.size() % SECTOR) % SECTOR]);
            return bytes.toByteArray();
        }
    }
}
