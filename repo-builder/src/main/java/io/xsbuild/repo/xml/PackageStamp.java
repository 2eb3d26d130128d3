package io.xsbuild.repo.xml;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.rpm.RpmPackage;

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
     * {@code mtime} (seconds), hashed with {@code type}: 64 bits mixed from them all (FNV-1a over the
     * href, then each value folded in through MurmurHash3's finalizer): a changed file keeps its key
     * by a chance of about 1 in 2^64.
     */
    public static long key(String href, long size, long mtime, ChecksumType type) {
        long h = 0xcbf29ce484222325L;
        for (byte b : href.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h = mix(h ^ size);
        h = mix(h ^ mtime);
        return mix(h ^ type.repodataName().hashCode());
    }

    /** MurmurHash3's 64-bit finalizer: every bit of {@code h} moves about half of the result's. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
