package io.xsbuild.rpm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * The one pass over a package's bytes: everything read is counted, hashed and, when asked, copied
 * to a second stream. Reads never go past the size the caller declared, so a count or length read
 * from a corrupt header is checked against the bytes that are really there before anything is
 * allocated for it.
 */
final class PackageInput {

    private static final int CHUNK = 32 * 1024;

    private final InputStream in;
    private final long size;
    private final MessageDigest digest;
    private final OutputStream tee;
    private byte[] chunk;
    private long position;

    PackageInput(InputStream in, long size, MessageDigest digest, OutputStream tee) {
        this.in = in;
        this.size = size;
        this.digest = digest;
        this.tee = tee;
    }

    long position() {
        return position;
    }

    long remaining() {
        return size - position;
    }

    /** The next {@code length} bytes, which hold {@code what}. */
    byte[] read(long length, String what) throws RpmFormatException, IOException {
        if (length > remaining()) {
            throw new RpmFormatException("truncated: " + what + " needs " + length + " bytes at offset " + position
                    + " but the file has " + remaining() + " left (it is " + size + " bytes long)");
        }
        byte[] bytes = new byte[(int) length];
        int done = 0;
        while (done < bytes.length) {
            int n = in.read(bytes, done, bytes.length - done);
            if (n < 0) {
                throw new RpmFormatException("truncated: the file ended at byte " + (position + done) + " while reading "
                        + what + ", though it was to be " + size + " bytes long");
            }
            done += n;
        }
        consumed(bytes, 0, done);
        return bytes;
    }

    /** Reads the rest of the file, which must end exactly at the declared size. */
    void drain() throws RpmFormatException, IOException {
        if (chunk == null) {
            chunk = new byte[CHUNK];
        }
        while (true) {
            int n = in.read(chunk, 0, (int) Math.min(chunk.length, Math.max(remaining(), 1)));
            if (n < 0) {
                break;
            }
            if (n > remaining()) {
                throw new RpmFormatException("the file is longer than the " + size + " bytes it had when it was listed"
                        + " (was it changed while being read?)");
            }
            consumed(chunk, 0, n);
        }
        if (position != size) {
            throw new RpmFormatException("truncated: the file ended at byte " + position + ", though it was to be "
                    + size + " bytes long (was it changed while being read?)");
        }
    }

    private void consumed(byte[] bytes, int offset, int length) throws IOException {
        digest.update(bytes, offset, length);
        if (tee != null) {
            tee.write(bytes, offset, length);
        }
        position += length;
    }
}
