package io.xsbuild.repo.xml;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.rpm.RpmPackage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What decides whether a published package can be published again without reading its file: its
 * href, a {@link #key} of what stat said of the file when it was read (size and modification
 * time) and how it was hashed, how many changelog entries other.xml gives it, and the base URL it
 * was published under (under another, its entries are written again from what they say).
 */
public record PackageStamp(String href, long key, int changelogs, String base) {

    public PackageStamp {
        Objects.requireNonNull(href, "href");
        base = Objects.requireNonNullElse(base, "");
    }

    public static PackageStamp of(RpmPackage p) {
        return new PackageStamp(p.location().href(), key(p.location().href(), p.facts().size(), p.facts().mtime(),
                p.facts().checksumType()), p.changelogs().size(), p.location().base());
    }

    /** The stamp of a package published with {@code otherEntry} (its changelog counted there). */
    static PackageStamp of(String href, long key, String base, byte[] otherEntry) {
        return new PackageStamp(href, key, PublishedPackages.count(otherEntry, PublishedPackages.CHANGELOG), base);
    }

    /**
     * The key of a package file at {@code href} of {@code size} bytes and modification time
     * {@code mtime} (seconds), hashed with {@code type}: the first 8 bytes of the SHA-256 of them all.
     */
    public static long key(String href, long size, long mtime, ChecksumType type) {
        byte[] h = href.getBytes(StandardCharsets.UTF_8);
        byte[] t = type.repodataName().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer all = ByteBuffer.allocate(4 + h.length + 16 + 4 + t.length);
        all.putInt(h.length).put(h).putLong(size).putLong(mtime).putInt(t.length).put(t);
        return ByteBuffer.wrap(ChecksumType.SHA256.newDigest().digest(all.array())).getLong();
    }
}
