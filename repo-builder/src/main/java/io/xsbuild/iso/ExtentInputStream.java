package io.xsbuild.iso;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/**
 * The content of a file: its extents one after the other, read with positional reads, so that
 * streams over one image may be read from several threads at once. Skipping costs nothing.
 */
final class ExtentInputStream extends InputStream {

    private final ImageChannel image;
    private final List<Extent> extents;
    private int current;
    private long within;
    private boolean closed;

    ExtentInputStream(ImageChannel image, List<Extent> extents) {
        this.image = image;
        this.extents = extents;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, buffer.length);
        ensureOpen();
        if (len == 0) {
            return 0;
        }
        if (!advance()) {
            return -1;
        }
        Extent extent = extents.get(current);
        int want = (int) Math.min(len, extent.length() - within);
        int n = image.readAt(extent.offset() + within, buffer, off, want);
        if (n < 0) {
            throw new EOFException("ISO " + image.iso() + " ends at byte " + (extent.offset() + within)
                    + ", inside a file it should hold: the image is truncated");
        }
        within += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        ensureOpen();
        long skipped = 0;
        while (skipped < n && advance()) {
            long step = Math.min(n - skipped, extents.get(current).length() - within);
            within += step;
            skipped += step;
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        ensureOpen();
        if (!advance()) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, extents.get(current).length() - within);
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Moves past exhausted extents; false at the end of the file. */
    private boolean advance() {
        while (current < extents.size() && within == extents.get(current).length()) {
            current++;
            within = 0;
        }
        return current < extents.size();
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
    }
}
