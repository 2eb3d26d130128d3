package io.xsbuild.iso;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Positional, bounds-checked reads from an image file. Reads never move a shared position, so one
 * channel serves any number of threads.
 */
final class ImageChannel implements Closeable {

    private final Path iso;
    private final FileChannel channel;
    private final long size;

    private ImageChannel(Path iso, FileChannel channel, long size) {
        this.iso = iso;
        this.channel = channel;
        this.size = size;
    }

    static ImageChannel open(Path iso) throws IsoReadException {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(iso, StandardOpenOption.READ);
            return new ImageChannel(iso, channel, channel.size());
        } catch (IOException e) {
            closeQuietly(channel);
            throw new IsoReadException(iso, e);
        }
    }

    Path iso() {
        return iso;
    }

    long size() {
        return size;
    }

    /** {@code length} bytes from {@code offset}, which must lie inside the file. */
    Bytes read(long offset, int length, String what) throws IsoException {
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new CorruptIsoException(iso, offset, what + " (" + length + " bytes) lies outside the image of " + size + " bytes");
        }
        byte[] bytes = new byte[length];
        try {
            readFully(offset, bytes, 0, length);
        } catch (IOException e) {
            throw new IsoReadException(iso, e);
        }
        return new Bytes(iso, bytes, offset);
    }

    /** Reads up to {@code length} bytes at {@code offset}; -1 at the end of the file. */
    int readAt(long offset, byte[] dst, int off, int length) throws IOException {
        return channel.read(ByteBuffer.wrap(dst, off, length), offset);
    }

    private void readFully(long offset, byte[] dst, int off, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = readAt(offset + done, dst, off + done, length - done);
            if (n < 0) {
                throw new EOFException("the file ended at byte " + (offset + done) + " while reading it");
            }
            done += n;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // the open failed already; that error is the one to report
            }
        }
    }
}
