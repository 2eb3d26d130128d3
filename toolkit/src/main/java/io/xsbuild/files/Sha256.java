package io.xsbuild.files;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.FileChecksums;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** SHA-256 digests, as lower-case hex. */
public final class Sha256 {

    private Sha256() {
    }

    public static MessageDigest digest() {
        return ChecksumType.SHA256.newDigest();
    }

    /** The digest's value as lower-case hex (which ends the digest). */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    public static String of(Path file) throws IOException {
        return FileChecksums.of(file, ChecksumType.SHA256);
    }
}
