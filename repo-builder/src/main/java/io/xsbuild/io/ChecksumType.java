package io.xsbuild.io;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** The checksums repodata can name packages and metadata files by; the name is the one repodata uses. */
public enum ChecksumType {
    SHA256("sha256", "SHA-256"),
    SHA512("sha512", "SHA-512"),
    SHA1("sha1", "SHA-1");

    private final String repodataName;
    private final String algorithm;

    ChecksumType(String repodataName, String algorithm) {
        this.repodataName = repodataName;
        this.algorithm = algorithm;
    }

    /** "sha256", as {@code <checksum type="sha256">} spells it. */
    public String repodataName() {
        return repodataName;
    }

    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    /** The checksum of {@code bytes} in lower-case hex. */
    public String hex(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    /** The checksum of {@code file} in lower-case hex. */
    public String hex(Path file) throws IOException {
        return FileChecksums.of(file, this);
    }

    /** The type repodata calls {@code name} ("sha256", "SHA256"), or null when none is. */
    public static ChecksumType byName(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        for (ChecksumType t : values()) {
            if (t.repodataName.equals(lower)) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return repodataName;
    }
}
