package io.xsbuild.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Passes bytes on while counting and hashing them. */
public final class DigestingOutputStream extends FilterOutputStream {

    private final MessageDigest digest;
    private long count;

    public DigestingOutputStream(OutputStream out, MessageDigest digest) {
        super(out);
        this.digest = digest;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        digest.update(b, off, len);
        count += len;
    }

    public long count() {
        return count;
    }

    /** The digest of everything written, in lower-case hex; call once, after the last write. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
