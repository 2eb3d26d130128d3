package io.xsbuild.iso;

import java.util.ArrayList;
import java.util.List;

/**
 * The master boot record's partition table as a hybrid image carries it (isohybrid, xorriso
 * {@code -isohybrid-mbr}, {@code -append_partition}): four 16-byte slots at byte 446, the
 * signature 55 AA at 510. The boot code before it and the disk signature at 440 are the system
 * area's own, copied as they are.
 */
public final class Mbr {

    static final int TABLE = 446;
    static final int SLOT = 16;
    static final int SLOTS = 4;
    static final int SIGNATURE = 510;
    /** isohybrid and GRUB's hybrid MBRs keep the boot image's 512-byte sector number here (64 bits). */
    static final int BOOT_POINTER = 432;
    /** Partitions of type 0xEE make a protective MBR: the disk's real table is the GPT. */
    public static final int PROTECTIVE = 0xEE;
    private static final byte[] BEYOND_CHS = {(byte) 0xFE, (byte) 0xFF, (byte) 0xFF};

    private Mbr() {
    }

    /**
     * A slot as recorded.
     *
     * @param slot     1 to 4
     * @param status   0x80 bootable, 0x00 not
     * @param type     the partition type byte
     * @param chsStart the three CHS bytes of the first sector
     * @param chsEnd   the three CHS bytes of the last sector
     * @param start    the first sector
     * @param sectors  the number of sectors
     */
    public record Entry(int slot, int status, int type, byte[] chsStart, byte[] chsEnd, long start, long sectors) {
        public Entry {
            chsStart = chsStart.clone();
            chsEnd = chsEnd.clone();
        }

        @Override
        public byte[] chsStart() {
            return chsStart.clone();
        }

        @Override
        public byte[] chsEnd() {
            return chsEnd.clone();
        }
    }

    /**
     * A partition to write: where it starts and where it ends (the sector after its last) in the new
     * image; its CHS addresses from the image's geometry, or the "beyond CHS" bytes FE FF FF that
     * xorriso writes for partitions other than the first.
     */
    public record Partition(int slot, int status, int type, Anchor start, Anchor end, boolean geometryChs) {
        public Partition {
            if (slot < 1 || slot > SLOTS) {
                throw new IllegalArgumentException("MBR slot " + slot);
            }
        }
    }

    /** Disk geometry for CHS addresses: heads per cylinder, sectors per head. */
    public record Geometry(int heads, int sectors) {
        /** The geometry isohybrid and xorriso use for hybrid images: 64 heads of 32 sectors, a 1 MiB cylinder. */
        public static final Geometry HYBRID = new Geometry(64, 32);

        public Geometry {
            if (heads < 1 || heads > 255 || sectors < 1 || sectors > 63) {
                throw new IllegalArgumentException(heads + " heads, " + sectors + " sectors");
            }
        }

        /** The three CHS bytes of {@code lba}; past cylinder 1023 the last cylinder is named, as isohybrid does. */
        byte[] chs(long lba) {
            long perCylinder = (long) heads * sectors;
            long cylinder = Math.min(lba / perCylinder, 1023);
            long head = lba / perCylinder > 1023 ? heads - 1 : lba / sectors % heads;
            long sector = lba / perCylinder > 1023 ? sectors : lba % sectors + 1;
            return new byte[] {(byte) head, (byte) (sector | (cylinder >> 2 & 0xC0)), (byte) cylinder};
        }

        public int cylinderSectors() {
            return heads * sectors;
        }
    }

    /** Whether the sector holds an MBR signature. */
    public static boolean signed(byte[] systemArea) {
        return (systemArea[SIGNATURE] & 0xff) == 0x55 && (systemArea[SIGNATURE + 1] & 0xff) == 0xAA;
    }

    /** The slots in use (type not 0 or a size not 0), in slot order; none unless the area is signed. */
    public static List<Entry> entries(byte[] systemArea) {
        List<Entry> entries = new ArrayList<>();
        if (!signed(systemArea)) {
            return entries;
        }
        for (int slot = 1; slot <= SLOTS; slot++) {
            int at = TABLE + (slot - 1) * SLOT;
            long start = u32(systemArea, at + 8);
            long sectors = u32(systemArea, at + 12);
            int type = systemArea[at + 4] & 0xff;
            if (type == 0 && sectors == 0) {
                continue;
            }
            entries.add(new Entry(slot, systemArea[at] & 0xff, type, slice(systemArea, at + 1), slice(systemArea, at + 5),
                    start, sectors));
        }
        return entries;
    }

    /** The 64-bit little-endian number at the boot pointer. */
    public static long bootPointer(byte[] systemArea) {
        return u32(systemArea, BOOT_POINTER) | u32(systemArea, BOOT_POINTER + 4) << 32;
    }

    /** Whether {@code entry}'s CHS bytes are the "beyond CHS" ones, FE FF FF. */
    public static boolean beyondChs(Entry entry) {
        return java.util.Arrays.equals(entry.chsStart, BEYOND_CHS) && java.util.Arrays.equals(entry.chsEnd, BEYOND_CHS);
    }

    /** Whether {@code entry}'s CHS bytes are what {@code geometry} gives for its sectors. */
    public static boolean matches(Entry entry, Geometry geometry) {
        if (entry.sectors() == 0) {
            return false;
        }
        return java.util.Arrays.equals(entry.chsStart, geometry.chs(entry.start()))
                && java.util.Arrays.equals(entry.chsEnd, geometry.chs(entry.start() + entry.sectors() - 1));
    }

    /** Writes {@code partitions} into the table (the other slots cleared) and the signature. */
    static void write(byte[] area, List<Resolved> partitions, Geometry geometry) {
        java.util.Arrays.fill(area, TABLE, SIGNATURE, (byte) 0);
        for (Resolved p : partitions) {
            int at = TABLE + (p.slot() - 1) * SLOT;
            long sectors = Math.min(p.end() - p.start(), 0xFFFF_FFFFL);
            long start = Math.min(p.start(), 0xFFFF_FFFFL);
            area[at] = (byte) p.status();
            area[at + 4] = (byte) p.type();
            boolean chs = p.geometryChs() && geometry != null;
            byte[] first = chs ? geometry.chs(start) : BEYOND_CHS.clone();
            byte[] last = chs ? geometry.chs(start + Math.max(sectors, 1) - 1) : BEYOND_CHS.clone();
            System.arraycopy(first, 0, area, at + 1, 3);
            System.arraycopy(last, 0, area, at + 5, 3);
            Fields.le32(area, at + 8, start);
            Fields.le32(area, at + 12, sectors);
        }
        area[SIGNATURE] = 0x55;
        area[SIGNATURE + 1] = (byte) 0xAA;
    }

    /** A partition with its sectors known. */
    record Resolved(int slot, int status, int type, long start, long end, boolean geometryChs) {
    }

    static long u32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    private static byte[] slice(byte[] b, int at) {
        return new byte[] {b[at], b[at + 1], b[at + 2]};
    }
}
