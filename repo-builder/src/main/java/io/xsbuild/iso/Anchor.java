package io.xsbuild.iso;

/**
 * A place in an image being written, in 512-byte sectors, named by what it is tied to rather than
 * by number, since numbers are only known once the image is laid out: the start or end of a file's
 * data, a fixed sector of the system area, the end of the volume, or a distance from the end of the image (a partition
 * appended after the volume, the backup GPT). {@link IsoWriter} turns each into a sector number.
 */
public sealed interface Anchor {

    /** A fixed sector: the start of the image, the system area. */
    record Sector(long sector) implements Anchor {
        public Sector {
            if (sector < 0) {
                throw new IllegalArgumentException("sector " + sector);
            }
        }
    }

    /** The first sector of the data of the file at {@code path} in the image. */
    record FileStart(String path) implements Anchor {
    }

    /** The sector after the data of the file at {@code path}: its start plus its size in whole sectors. */
    record FileEnd(String path) implements Anchor {
    }

    /** The sector after the ISO9660 volume (isohybrid pads the image beyond it, and its GPT names the volume). */
    record VolumeEnd() implements Anchor {
    }

    /** {@code sectors} before the end of the image: 0 is the end itself. */
    record FromEnd(long sectors) implements Anchor {
        public FromEnd {
            if (sectors < 0) {
                throw new IllegalArgumentException("sectors " + sectors);
            }
        }
    }
}
