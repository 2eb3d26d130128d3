package io.xsbuild.iso;

import java.util.List;
import java.util.Objects;

/**
 * What {@link IsoWriter} needs to make an image bootable by El Torito: the catalog to write (its
 * blocks are filled in once the image is laid out), the path it takes in the tree, and where each
 * of its images lies. The writer adds the boot record descriptor, writes the catalog and the boot
 * images before any other file (so that they sit low in the image, where BIOSes that read by CHS
 * reach them), and patches the images that want it.
 *
 * @param catalogPath the catalog's path in the tree ("boot/isolinux/boot.cat"), or null to write it hidden
 * @param images      one for each of {@code catalog.entries()}, in order
 */
public record ElTorito(BootCatalog catalog, String catalogPath, List<Image> images) {

    /**
     * Where one boot image lies and how to patch it.
     *
     * @param at            {@link Anchor.FileStart} of a file in the tree, or {@link Anchor.FromEnd} for
     *                      an image in a partition appended after the volume
     * @param bootInfoTable write a boot info table into bytes 8 to 63 (isolinux: {@code -boot-info-table})
     * @param grub2BootInfo write the image's sector number plus 5 at byte 2548 (GRUB 2: {@code --grub2-boot-info})
     */
    public record Image(Anchor at, boolean bootInfoTable, boolean grub2BootInfo) {
        public Image {
            Objects.requireNonNull(at, "at");
            if (!(at instanceof Anchor.FileStart) && !(at instanceof Anchor.FromEnd)) {
                throw new IllegalArgumentException("a boot image lies in a file or after the volume, not at " + at);
            }
            if ((bootInfoTable || grub2BootInfo) && !(at instanceof Anchor.FileStart)) {
                throw new IllegalArgumentException("only a boot image that is a file of the image can be patched");
            }
        }

        /** The image's path in the tree, or null for one after the volume. */
        public String path() {
            return at instanceof Anchor.FileStart f ? f.path() : null;
        }
    }

    public ElTorito {
        Objects.requireNonNull(catalog, "catalog");
        images = List.copyOf(images);
        if (images.size() != catalog.entries().size()) {
            throw new IllegalArgumentException(images.size() + " images for a catalog of " + catalog.entries().size());
        }
    }
}
