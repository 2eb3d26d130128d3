package io.xsbuild.iso;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link IsoWriter} puts in the first 16 blocks of a hybrid image, which a BIOS or UEFI
 * firmware reads when the image is written to a USB stick, and after the volume: the bytes given
 * (boot code, disk signature), the MBR partitions and GPT filled in with the sectors the layout
 * gives, the pointer to the boot image that isohybrid's and GRUB's MBR code reads, partitions
 * appended after the volume, the backup GPT at the very end, and the image padded so that the
 * sector {@code alignFromEnd} before its end is a multiple of {@code alignSectors} (xorriso aligns
 * the volume's end, where appended partitions start, to a cylinder; isohybrid the image's end).
 *
 * @param bytes        the 32768 bytes to start from; the MBR table, pointer and GPT sectors are overwritten
 * @param alignSectors the alignment in 512-byte sectors (a cylinder, or 4 for whole blocks)
 * @param alignFromEnd how far before the image's end the aligned sector is (0: the end itself)
 * @param geometry     the CHS geometry MBR entries are addressed in, or null
 * @param mbr          the MBR partitions to write; none leaves the table of {@code bytes} as it is
 * @param pointer      the boot image pointer to write at byte 432, or null
 * @param gpt          the GPT to write, or null
 * @param appended     what to copy after the volume
 */
public record SystemArea(byte[] bytes, int alignSectors, long alignFromEnd, Mbr.Geometry geometry, List<Mbr.Partition> mbr,
                         BootPointer pointer, Gpt.Plan gpt, List<Appended> appended) {

    /**
     * The 64-bit sector number MBR code loads the boot image from: the sector {@code at} resolves
     * to, plus {@code add} (0 for isohybrid's isolinux, 4 for GRUB's boot_hybrid.img).
     */
    public record BootPointer(Anchor at, long add) {
    }

    /** {@code length} bytes of {@code source} from {@code offset}, written at {@code start} after the volume. */
    public record Appended(Anchor.FromEnd start, Path source, long offset, long length) {
        public Appended {
            if (offset < 0 || length <= 0 || length % Gpt.SECTOR != 0) {
                throw new IllegalArgumentException(length + " bytes at " + offset);
            }
        }
    }

    public SystemArea {
        if (bytes.length != BootInfo.SYSTEM_AREA) {
            throw new IllegalArgumentException("a system area of " + bytes.length + " bytes");
        }
        if (alignSectors < 4 || alignSectors % 4 != 0 || alignFromEnd < 0 || alignFromEnd % 4 != 0) {
            throw new IllegalArgumentException("alignment " + alignSectors + " from " + alignFromEnd + " before the end");
        }
        bytes = bytes.clone();
        mbr = List.copyOf(mbr);
        appended = List.copyOf(appended);
        Objects.requireNonNull(mbr);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
