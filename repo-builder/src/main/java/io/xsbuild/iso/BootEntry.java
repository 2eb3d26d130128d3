package io.xsbuild.iso;

import java.util.Arrays;

/**
 * One boot image of an El Torito catalog (El Torito 1.0, 2.2 to 2.5): how the firmware loads it
 * and where it lies.
 *
 * @param bootable    the boot indicator is 0x88 (else 0x00)
 * @param media       the boot media type byte as recorded: 0 no emulation, 1 to 3 floppies, 4 hard
 *                    disk; bit 5 says extension entries follow
 * @param loadSegment the segment the image is loaded at, 0 for the default 0x7C0
 * @param systemType  the partition type byte of a hard disk emulation image
 * @param sectorCount the 512-byte virtual sectors the firmware loads
 * @param block       the image's first 2048-byte block (the load RBA)
 * @param criteria    the 20 bytes after the load RBA: a section entry's selection criteria, kept as recorded
 * @param extensions  the extension entries (0x44) that follow it, 32 bytes each, as recorded
 */
public record BootEntry(boolean bootable, int media, int loadSegment, int systemType, int sectorCount, long block,
                        byte[] criteria, byte[] extensions) {

    /** Platform ids of validation entries and section headers. */
    public static final int X86 = 0x00;
    public static final int EFI = 0xEF;

    static final int LENGTH = 32;
    static final int CRITERIA = 20;

    public BootEntry {
        if (criteria.length != CRITERIA || extensions.length % LENGTH != 0) {
            throw new IllegalArgumentException("criteria of " + criteria.length + " bytes, extensions of " + extensions.length);
        }
        criteria = criteria.clone();
        extensions = extensions.clone();
    }

    @Override
    public byte[] criteria() {
        return criteria.clone();
    }

    @Override
    public byte[] extensions() {
        return extensions.clone();
    }

    /** The same entry with its image at {@code newBlock}. */
    public BootEntry at(long newBlock) {
        return new BootEntry(bootable, media, loadSegment, systemType, sectorCount, newBlock, criteria, extensions);
    }

    /** No emulation: the image is loaded as it is, {@link #sectorCount} sectors of it (isolinux, EFI images). */
    public boolean noEmulation() {
        return (media & 0x0f) == 0;
    }

    static BootEntry parse(Bytes at, int offset, byte[] extensions) throws CorruptIsoException {
        int indicator = at.u8(offset);
        if (indicator != 0x88 && indicator != 0x00) {
            throw at.corrupt(offset, "a boot catalog entry with boot indicator 0x" + Integer.toHexString(indicator)
                    + " (El Torito allows 0x88 and 0x00)");
        }
        int loadSegment = at.u8(offset + 2) | at.u8(offset + 3) << 8;
        int sectors = at.u8(offset + 6) | at.u8(offset + 7) << 8;
        long block = (at.u8(offset + 8) | at.u8(offset + 9) << 8 | at.u8(offset + 10) << 16) | (long) at.u8(offset + 11) << 24;
        return new BootEntry(indicator == 0x88, at.u8(offset + 1), loadSegment, at.u8(offset + 4), sectors, block,
                at.slice(offset + 12, CRITERIA), extensions);
    }

    /** The 32-byte entry, then its extension entries. */
    byte[] encode() {
        byte[] e = new byte[LENGTH + extensions.length];
        e[0] = (byte) (bootable ? 0x88 : 0x00);
        e[1] = (byte) media;
        Fields.le16(e, 2, loadSegment);
        e[4] = (byte) systemType;
        Fields.le16(e, 6, sectorCount);
        Fields.le32(e, 8, block);
        System.arraycopy(criteria, 0, e, 12, CRITERIA);
        System.arraycopy(extensions, 0, e, LENGTH, extensions.length);
        return e;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BootEntry b && bootable == b.bootable && media == b.media && loadSegment == b.loadSegment
                && systemType == b.systemType && sectorCount == b.sectorCount && block == b.block
                && Arrays.equals(criteria, b.criteria) && Arrays.equals(extensions, b.extensions);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(block) * 31 + Arrays.hashCode(criteria);
    }

    @Override
    public String toString() {
        return "BootEntry[" + (bootable ? "bootable" : "not bootable") + ", media " + media + ", segment 0x"
                + Integer.toHexString(loadSegment) + ", " + sectorCount + " sectors at block " + block + "]";
    }
}
