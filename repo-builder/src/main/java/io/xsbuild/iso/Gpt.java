package io.xsbuild.iso;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A GUID partition table (UEFI 2.x, 5.3) as a hybrid image carries it: the primary header in
 * sector 1 and its entry array in the sectors after, inside the system area, and the backup
 * array and header at the very end of the image. Read from the primary copy, checked by its CRCs;
 * written as both copies.
 *
 * @param revision    the header's revision, kept as recorded
 * @param firstUsable the first sector partitions may use
 * @param lastUsable  the last sector partitions may use
 * @param diskGuid    16 bytes
 * @param entriesLba  where the primary entry array starts
 * @param entryCount  the number of entries the array holds, used or not
 * @param entrySize   bytes per entry (128 or more)
 * @param entries     the entries in use, with their index in the array
 */
public record Gpt(long revision, long firstUsable, long lastUsable, byte[] diskGuid, long entriesLba, int entryCount,
                  int entrySize, List<Entry> entries) {

    static final int SECTOR = 512;
    private static final byte[] SIGNATURE = "EFI PART".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int HEADER_SIZE = 92;
    private static final int SYSTEM_AREA_SECTORS = BootInfo.SYSTEM_AREA / SECTOR;

    /**
     * One partition.
     *
     * @param index      its place in the array, from 0
     * @param type       the partition type GUID, 16 bytes as recorded
     * @param unique     the unique partition GUID
     * @param first      its first sector
     * @param last       its last sector (inclusive)
     * @param attributes the attribute bits
     * @param name       the name, UTF-16LE, as recorded ({@code entrySize - 56} bytes)
     */
    public record Entry(int index, byte[] type, byte[] unique, long first, long last, long attributes, byte[] name) {
        public Entry {
            type = type.clone();
            unique = unique.clone();
            name = name.clone();
        }

        @Override
        public byte[] type() {
            return type.clone();
        }

        @Override
        public byte[] unique() {
            return unique.clone();
        }

        @Override
        public byte[] name() {
            return name.clone();
        }
    }

    /** A partition to write, between two places in the new image ({@code end} is the sector after its last). */
    public record Partition(Entry entry, Anchor start, Anchor end) {
    }

    /**
     * What to write: this table's header fields with usable sectors from {@code firstUsable} up to
     * (not including) {@code usableEnd}, and the partitions.
     */
    public record Plan(Gpt table, Anchor firstUsable, Anchor usableEnd, List<Partition> partitions) {
        public Plan {
            partitions = List.copyOf(partitions);
        }

        /** Sectors the entry array takes. */
        long arraySectors() {
            return ((long) table.entryCount() * table.entrySize() + SECTOR - 1) / SECTOR;
        }
    }

    public Gpt {
        diskGuid = diskGuid.clone();
        entries = List.copyOf(entries);
    }

    @Override
    public byte[] diskGuid() {
        return diskGuid.clone();
    }

    /**
     * The GPT whose primary header is sector 1 of the system area, or null when there is none.
     * Its array must lie inside the system area; the header and array must pass their CRC32s.
     */
    public static Gpt read(Path iso, byte[] systemArea) throws IsoException {
        if (!Arrays.equals(systemArea, SECTOR, SECTOR + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            return null;
        }
        long headerSize = Mbr.u32(systemArea, SECTOR + 12);
        if (headerSize < HEADER_SIZE || headerSize > SECTOR) {
            throw new CorruptIsoException(iso, SECTOR + 12, "a GPT header of " + headerSize + " bytes (92 to 512 expected)");
        }
        byte[] header = Arrays.copyOfRange(systemArea, SECTOR, SECTOR + (int) headerSize);
        long recorded = Mbr.u32(header, 16);
        Arrays.fill(header, 16, 20, (byte) 0);
        if (crc(header, 0, header.length) != recorded) {
            throw new CorruptIsoException(iso, SECTOR + 16, "the GPT header's CRC32 does not match its bytes");
        }
        long entriesLba = u64(systemArea, SECTOR + 72);
        long count = Mbr.u32(systemArea, SECTOR + 80);
        long size = Mbr.u32(systemArea, SECTOR + 84);
        if (size < 128 || size > 4096 || size % 8 != 0) {
            throw new CorruptIsoException(iso, SECTOR + 84, "GPT entries of " + size + " bytes");
        }
        long arraySectors = (count * size + SECTOR - 1) / SECTOR;
        if (entriesLba < 2 || count == 0 || entriesLba + arraySectors > SYSTEM_AREA_SECTORS) {
            throw new UnsupportedIsoException(iso, SECTOR + 72, "a GPT entry array of " + count + " entries at sector "
                    + entriesLba + ", outside the system area", "make the image with its GPT in the first 32 KiB, as "
                    + "xorriso and isohybrid do");
        }
        int arrayAt = (int) (entriesLba * SECTOR);
        int arrayBytes = (int) (count * size);
        if (crc(systemArea, arrayAt, arrayBytes) != Mbr.u32(systemArea, SECTOR + 88)) {
            throw new CorruptIsoException(iso, arrayAt, "the GPT entry array's CRC32 does not match its bytes");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = arrayAt + i * (int) size;
            byte[] type = Arrays.copyOfRange(systemArea, at, at + 16);
            if (isZero(type)) {
                continue;
            }
            long first = u64(systemArea, at + 32);
            long last = u64(systemArea, at + 40);
            if (last < first || first < 0 || last < 0) {
                throw new CorruptIsoException(iso, at + 32, "GPT partition " + (i + 1) + " ends (sector " + last
                        + ") before it starts (sector " + first + ")");
            }
            entries.add(new Entry(i, type, Arrays.copyOfRange(systemArea, at + 16, at + 32), first, last,
                    u64(systemArea, at + 48), Arrays.copyOfRange(systemArea, at + 56, at + (int) size)));
        }
        return new Gpt(Mbr.u32(systemArea, SECTOR + 8), u64(systemArea, SECTOR + 40), u64(systemArea, SECTOR + 48),
                Arrays.copyOfRange(systemArea, SECTOR + 56, SECTOR + 72), entriesLba, (int) count, (int) size, entries);
    }

    /** The entry array with every partition at its resolved sectors. */
    static byte[] array(Plan plan, List<long[]> sectors) {
        Gpt t = plan.table();
        byte[] array = new byte[(int) (plan.arraySectors() * SECTOR)];
        for (int k = 0; k < plan.partitions().size(); k++) {
            Entry e = plan.partitions().get(k).entry();
            int at = e.index() * t.entrySize();
            System.arraycopy(e.type, 0, array, at, 16);
            System.arraycopy(e.unique, 0, array, at + 16, 16);
            le64(array, at + 32, sectors.get(k)[0]);
            le64(array, at + 40, sectors.get(k)[1] - 1);
            le64(array, at + 48, e.attributes());
            System.arraycopy(e.name, 0, array, at + 56, Math.min(e.name.length, t.entrySize() - 56));
        }
        return array;
    }

    /** A header sector: at {@code self}, the other copy at {@code other}, its array at {@code arrayLba}. */
    static byte[] header(Plan plan, byte[] array, long self, long other, long arrayLba, long firstUsable, long lastUsable) {
        Gpt t = plan.table();
        byte[] h = new byte[SECTOR];
        System.arraycopy(SIGNATURE, 0, h, 0, SIGNATURE.length);
        Fields.le32(h, 8, t.revision());
        Fields.le32(h, 12, HEADER_SIZE);
        le64(h, 24, self);
        le64(h, 32, other);
        le64(h, 40, firstUsable);
        le64(h, 48, lastUsable);
        System.arraycopy(t.diskGuid, 0, h, 56, 16);
        le64(h, 72, arrayLba);
        Fields.le32(h, 80, t.entryCount());
        Fields.le32(h, 84, t.entrySize());
        Fields.le32(h, 88, crc(array, 0, t.entryCount() * t.entrySize()));
        Fields.le32(h, 16, crc(h, 0, HEADER_SIZE));
        return h;
    }

    static long crc(byte[] bytes, int at, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, at, length);
        return crc.getValue();
    }

    static long u64(byte[] b, int at) {
        return Mbr.u32(b, at) | Mbr.u32(b, at + 4) << 32;
    }

    static void le64(byte[] b, int at, long value) {
        Fields.le32(b, at, value & 0xFFFF_FFFFL);
        Fields.le32(b, at + 4, value >>> 32);
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
