package io.xsbuild.repo.xml;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * What one gzip member of a metadata file holds, as its header says ({@link io.xsbuild.io.GzipMembers}):
 * the document's start, a block of packages, or its end. The three files are cut into blocks at
 * the same packages, so the n-th member of each holds the same packages. Where a block ends
 * depends on its packages alone (a package whose primary entry hashes to a multiple of
 * {@link #MEAN} ends one; so does a block grown to {@link #MAX_PACKAGES}), so publishing the same
 * packages again cuts them the same way, and a new package changes only the block it falls into.
 * The primary file's members also say which packages they hold (the first and last hrefs, a
 * {@link #key} of all their {@link PackageStamp#key}s, the most changelog entries any has): an
 * update reads them to know which blocks it can copy as they are.
 *
 * @param base the base URL its packages were published under
 * @param key  the {@link #key} of its packages' stamps (primary's members), or 0 when it does not say
 */
public record MetadataBlock(Kind kind, int packages, String firstHref, String lastHref, int maxChangelogs, String base,
                            long key) {

    /** The mean number of packages in a block. */
    public static final int MEAN = 512;
    /** The most packages in a block. */
    public static final int MAX_PACKAGES = 2048;

    /**
     * The payload's version, which names the rule that cuts blocks too: change it with the rule
     * ({@link #MEAN}, {@link #MAX_PACKAGES}, {@link #endsBlock}), so that blocks cut otherwise are
     * not copied beside blocks cut by the new rule (the files would still be right, but no longer
     * what a fresh run writes).
     */
    private static final int VERSION = 1;
    private static final int MAX_HREF = 16 * 1024;

    /** What a member holds, and for a block of packages, why it ended where it did. */
    public enum Kind {
        /** The XML declaration and the document element's start tag. */
        HEAD,
        /** Packages, ended by a package whose entry hashes to a multiple of {@link #MEAN}. */
        ENDED_BY_PACKAGE,
        /** Packages, ended when the block was full. */
        FULL,
        /** The last packages, ended by the end of the document. */
        LAST,
        /** The document element's end tag. */
        FOOT;

        public boolean holdsPackages() {
            return this == ENDED_BY_PACKAGE || this == FULL || this == LAST;
        }
    }

    public MetadataBlock {
        firstHref = firstHref == null ? "" : firstHref;
        lastHref = lastHref == null ? "" : lastHref;
        base = base == null ? "" : base;
    }

    /** A block that says only what it is and how many packages it holds. */
    public static MetadataBlock of(Kind kind, long packages) {
        return new MetadataBlock(kind, (int) Math.min(packages, Integer.MAX_VALUE), "", "", 0, "", 0);
    }

    /**
     * The block of packages stamped so, in order, ended for {@code kind}; one that cannot say which
     * packages it holds (a stamp missing, or packages under several base URLs) says only how many.
     */
    public static MetadataBlock of(Kind kind, List<PackageStamp> stamps) {
        if (stamps.isEmpty() || stamps.contains(null)) {
            return of(kind, stamps.size());
        }
        int changelogs = 0;
        long[] keys = new long[stamps.size()];
        String base = stamps.get(0).base();
        for (int i = 0; i < keys.length; i++) {
            keys[i] = stamps.get(i).key();
            changelogs = Math.max(changelogs, stamps.get(i).changelogs());
            if (!stamps.get(i).base().equals(base)) {
                return of(kind, stamps.size());
            }
        }
        return new MetadataBlock(kind, keys.length, stamps.get(0).href(), stamps.get(keys.length - 1).href(),
                changelogs, base, key(keys));
    }

    /** The key of packages whose {@link PackageStamp#key}s these are, in order (never 0). */
    public static long key(long[] keys) {
        long key = PackageStamp.mix(keys.length);
        for (long k : keys) {
            key = PackageStamp.mix(key ^ k) + 0x9E3779B97F4A7C15L;
        }
        return key == 0 ? 1 : key;
    }

    /** Whether it says which packages it holds. */
    public boolean stamped() {
        return key != 0 && packages > 0;
    }

    /** The header's payload: hrefs too long for a header leave the block unstamped. */
    public byte[] payload() {
        boolean stamped = stamped() && utf8(firstHref).length <= MAX_HREF && utf8(lastHref).length <= MAX_HREF
                && utf8(base).length <= MAX_HREF;
        byte[] first = stamped ? utf8(firstHref) : new byte[0];
        byte[] last = stamped ? utf8(lastHref) : new byte[0];
        byte[] url = stamped ? utf8(base) : new byte[0];
        ByteBuffer b = ByteBuffer.allocate(2 + 4 + 4 + 2 + first.length + 2 + last.length + 2 + url.length + 8)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) VERSION).put((byte) kind.ordinal()).putInt(packages).putInt(maxChangelogs);
        b.putShort((short) first.length).put(first).putShort((short) last.length).put(last);
        b.putShort((short) url.length).put(url).putLong(stamped ? key : 0);
        return b.array();
    }

    /** What {@code payload} says, or an exception when it is not a payload of this form. */
    public static MetadataBlock parse(byte[] payload) throws IOException {
        try {
            ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
            if (b.get() != VERSION) {
                throw new IOException("a metadata block of another version");
            }
            int kind = b.get();
            if (kind < 0 || kind >= Kind.values().length) {
                throw new IOException("a metadata block of unknown kind " + kind);
            }
            int packages = b.getInt();
            int maxChangelogs = b.getInt();
            String first = string(b);
            String last = string(b);
            String base = string(b);
            long key = b.getLong();
            if (packages < 0 || b.hasRemaining()) {
                throw new IOException("a metadata block's header is not as xsbuild writes it");
            }
            return new MetadataBlock(Kind.values()[kind], packages, first, last, maxChangelogs, base, key);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new IOException("a metadata block's header is cut short", e);
        }
    }

    /**
     * Whether the package {@code primaryEntry} describes ends its block (the hash part of the
     * rule): its CRC-32C, mixed so that entries that differ in a few bytes (copies of one package
     * under other names) still end blocks at random.
     */
    public static boolean endsBlock(byte[] primaryEntry) {
        CRC32C crc = new CRC32C();
        crc.update(primaryEntry);
        return Long.remainderUnsigned(PackageStamp.mix(crc.getValue() * 0x9E3779B97F4A7C15L), MEAN) == 0;
    }

    @Override
    public String toString() {
        return kind + " of " + packages + " packages, " + firstHref + " to " + lastHref;
    }

    private static String string(ByteBuffer b) {
        byte[] bytes = new byte[Short.toUnsignedInt(b.getShort())];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
