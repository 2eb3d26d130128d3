package io.xsbuild.iso;

/**
 * A run of bytes in the image.
 *
 * @param offset the byte offset in the image
 * @param length the number of bytes
 */
public record Extent(long offset, long length) {

    public Extent {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("extent of " + length + " bytes at " + offset);
        }
    }
}
