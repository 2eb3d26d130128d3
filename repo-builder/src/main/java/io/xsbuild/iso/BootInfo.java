package io.xsbuild.iso;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What makes an image boot, read from it without its tree: the system area (the first 16 blocks,
 * where a hybrid image keeps its MBR and GPT), the El Torito boot catalog if a boot record names
 * one, and the primary descriptor's modification date as recorded (GRUB names a volume by those
 * digits: {@code search --fs-uuid}).
 *
 * @param systemArea    the first 32768 bytes of the file
 * @param catalog       the El Torito catalog, or null when there is no boot record
 * @param catalogBlock  the block the boot record names for the catalog, or -1
 * @param modifiedField the 17 bytes of the volume modification date (ECMA-119 8.4.27)
 * @param fileSize      bytes in the file, which a hybrid image pads beyond the volume
 * @param volumeBytes   bytes of the volume the primary descriptor records
 */
public record BootInfo(byte[] systemArea, BootCatalog catalog, long catalogBlock, byte[] modifiedField, long fileSize,
                       long volumeBytes) {

    static final int SYSTEM_AREA = VolumeDescriptors.FIRST_BLOCK * DirectoryReader.SECTOR;
    private static final byte[] EL_TORITO = "EL TORITO SPECIFICATION".getBytes(StandardCharsets.US_ASCII);
    private static final int BOOT_RECORD = 0;
    private static final int TERMINATOR = 255;
    private static final int MODIFIED = 830;

    public BootInfo {
        systemArea = systemArea.clone();
        modifiedField = modifiedField.clone();
    }

    @Override
    public byte[] systemArea() {
        return systemArea.clone();
    }

    @Override
    public byte[] modifiedField() {
        return modifiedField.clone();
    }

    /** Whether the system area holds anything at all (an MBR, a GPT, boot code). */
    public boolean hasSystemArea() {
        for (byte b : systemArea) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the descriptors from block 16 to the terminator (the primary's dates, a boot record
     * that names "EL TORITO SPECIFICATION"), the catalog it points at and the system area.
     */
    static BootInfo read(ImageChannel image, long volumeEnd) throws IsoException {
        byte[] systemArea = image.read(0, SYSTEM_AREA, "system area").slice(0, SYSTEM_AREA);
        byte[] modified = null;
        long catalogBlock = -1;
        for (int i = 0; i < VolumeDescriptors.MAX_DESCRIPTORS; i++) {
            long offset = (long) (VolumeDescriptors.FIRST_BLOCK + i) * DirectoryReader.SECTOR;
            Bytes d = image.read(offset, DirectoryReader.SECTOR, "volume descriptor");
            int type = d.u8(0);
            if (type == TERMINATOR) {
                break;
            }
            if (type == 1 && modified == null) {
                modified = d.slice(MODIFIED, IsoDates.LONG);
            } else if (type == BOOT_RECORD && catalogBlock < 0 && d.matches(7, EL_TORITO)) {
                catalogBlock = d.u8(71) | d.u8(72) << 8 | d.u8(73) << 16 | (long) d.u8(74) << 24;
                if (catalogBlock >= volumeEnd / DirectoryReader.SECTOR) {
                    throw d.corrupt(71, "the El Torito boot record puts the catalog at block " + catalogBlock
                            + ", past the end of the volume at byte " + volumeEnd);
                }
            }
        }
        if (modified == null) {
            modified = new byte[IsoDates.LONG];
            Arrays.fill(modified, 0, IsoDates.LONG - 1, (byte) '0');
        }
        BootCatalog catalog = null;
        if (catalogBlock >= 0) {
            long at = catalogBlock * DirectoryReader.SECTOR;
            int length = (int) Math.min(BootCatalog.MAX_BYTES, volumeEnd - at);
            catalog = BootCatalog.parse(image.read(at, length, "El Torito boot catalog"));
        }
        return new BootInfo(systemArea, catalog, catalogBlock, modified, image.size(), volumeEnd);
    }
}
