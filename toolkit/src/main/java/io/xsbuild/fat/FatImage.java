package io.xsbuild.fat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A FAT12, FAT16 or FAT32 file system image held in memory, as EFI boot images are (an installer's
 * {@code efiboot.img}, which UEFI firmware loads through El Torito and where GRUB may read its
 * {@code grub.cfg}): its files listed with their long names, read, and rewritten in place, the
 * cluster chain grown or shrunk to fit and every FAT copy updated. Every field and chain is
 * checked: an image that does not add up is refused, not trusted.
 */
public final class FatImage {

    private static final int ENTRY = 32;
    private static final int ATTR_LFN = 0x0F;
    private static final int ATTR_DIRECTORY = 0x10;
    private static final int ATTR_VOLUME = 0x08;
    private static final int MAX_DEPTH = 16;

    private enum Type { FAT12, FAT16, FAT32 }

    private final byte[] image;
    private final String source;
    private final int bytesPerSector;
    private final int clusterBytes;
    private final int reserved;
    private final int fats;
    private final long fatSectors;
    private final long rootStart;
    private final int rootBytes;
    private final long rootCluster;
    private final long dataStart;
    private final long clusters;
    private final Type type;
    private final List<FatFile> files = new ArrayList<>();

    /**
     * A file of the image.
     *
     * @param path         '/'-separated from the root, with long names where the image has them
     * @param size         bytes
     * @param entryOffset  where its directory entry lies in the image
     */
    public record FatFile(String path, long size, long firstCluster, int entryOffset) {
    }

    private FatImage(byte[] image, String source) throws FatException {
        this.image = image;
        this.source = source;
        if (image.length < 512 || u8(510) != 0x55 || u8(511) != 0xAA) {
            throw corrupt("has no boot sector signature (55 AA at byte 510): not a FAT file system");
        }
        bytesPerSector = u16(11);
        int sectorsPerCluster = u8(13);
        reserved = u16(14);
        fats = u8(16);
        int rootEntries = u16(17);
        long total = u16(19) != 0 ? u16(19) : u32(32);
        fatSectors = u16(22) != 0 ? u16(22) : u32(36);
        if (!Set.of(512, 1024, 2048, 4096).contains(bytesPerSector) || Integer.bitCount(sectorsPerCluster) != 1
                || reserved < 1 || fats < 1 || fats > 4 || fatSectors < 1 || total < 1) {
            throw corrupt("has a boot sector that does not describe a FAT file system (" + bytesPerSector + "-byte sectors, "
                    + sectorsPerCluster + " per cluster, " + fats + " FATs)");
        }
        clusterBytes = bytesPerSector * sectorsPerCluster;
        rootBytes = rootEntries * ENTRY;
        long rootSectors = (rootBytes + bytesPerSector - 1) / bytesPerSector;
        rootStart = (reserved + fats * fatSectors) * bytesPerSector;
        dataStart = rootStart + rootSectors * bytesPerSector;
        long dataSectors = total - (reserved + fats * fatSectors + rootSectors);
        if (dataSectors <= 0 || total * bytesPerSector > image.length) {
            throw corrupt("says it has " + total + " sectors of " + bytesPerSector + " bytes, but the image holds "
                    + image.length + " bytes");
        }
        clusters = dataSectors / sectorsPerCluster;
        type = clusters < 4085 ? Type.FAT12 : clusters < 65525 ? Type.FAT16 : Type.FAT32;
        long fatBytes = switch (type) {
            case FAT12 -> (clusters + 2) * 3 / 2 + 1;
            case FAT16 -> (clusters + 2) * 2;
            case FAT32 -> (clusters + 2) * 4;
        };
        if (fatBytes > fatSectors * bytesPerSector) {
            throw corrupt("has FATs of " + fatSectors + " sectors, too small for its " + clusters + " clusters");
        }
        rootCluster = type == Type.FAT32 ? u32(44) : 0;
        if (type == Type.FAT32 ? rootEntries != 0 : rootEntries == 0) {
            throw corrupt("has " + rootEntries + " root directory entries, which a " + type + " file system cannot have");
        }
    }

    /** Reads the image's boot sector and every directory; {@code source} names it in errors. */
    public static FatImage read(byte[] image, String source) throws FatException {
        FatImage fat = new FatImage(image, source);
        fat.walk();
        return fat;
    }

    public List<FatFile> files() {
        return List.copyOf(files);
    }

    /** The image as it now is. */
    public byte[] bytes() {
        return image.clone();
    }

    /** The content of {@code file}. */
    public byte[] read(FatFile file) throws FatException {
        byte[] content = new byte[(int) file.size()];
        List<Long> chain = chain(file.firstCluster(), file.path());
        int done = 0;
        for (long c : chain) {
            int n = (int) Math.min(clusterBytes, content.length - done);
            if (n <= 0) {
                break;
            }
            System.arraycopy(image, (int) offset(c), content, done, n);
            done += n;
        }
        if (done < content.length) {
            throw corrupt("has " + file.path() + " of " + file.size() + " bytes in a chain of " + chain.size() + " clusters");
        }
        return content;
    }

    /**
     * Replaces the content of {@code file} (which must not be empty) with {@code content}, in its
     * clusters, taking free ones when it grows and freeing those it no longer needs.
     */
    public void write(FatFile file, byte[] content) throws FatException {
        if (file.firstCluster() < 2) {
            throw new FatException(source + ": " + file.path() + " is empty; xsbuild rewrites only files that have content", null);
        }
        List<Long> chain = new ArrayList<>(chain(file.firstCluster(), file.path()));
        int need = Math.max(1, (content.length + clusterBytes - 1) / clusterBytes);
        long next = 2;
        while (chain.size() < need) {
            while (next < clusters + 2 && fat(next) != 0) {
                next++;
            }
            if (next >= clusters + 2) {
                throw new FatException(source + " has no free cluster left for the " + content.length + " bytes of " + file.path(),
                        "make the EFI image with room to spare");
            }
            chain.add(next);
            next++;
        }
        for (int i = need; i < chain.size(); i++) {
            setFat(chain.get(i), 0);
        }
        for (int i = 0; i < need; i++) {
            setFat(chain.get(i), i + 1 < need ? chain.get(i + 1) : endOfChain());
            int at = (int) offset(chain.get(i));
            Arrays.fill(image, at, at + clusterBytes, (byte) 0);
            int n = Math.min(clusterBytes, content.length - i * clusterBytes);
            if (n > 0) {
                System.arraycopy(content, i * clusterBytes, image, at, n);
            }
        }
        le32(file.entryOffset() + 28, content.length);
        if (type == Type.FAT32) {
            int fsInfo = u16(48) * bytesPerSector;
            if (fsInfo > 0 && fsInfo + 512 <= image.length && u32(fsInfo) == 0x41615252L) {
                le32(fsInfo + 488, 0xFFFF_FFFFL);
                le32(fsInfo + 492, 0xFFFF_FFFFL);
            }
        }
        int i = files.indexOf(file);
        if (i >= 0) {
            files.set(i, new FatFile(file.path(), content.length, file.firstCluster(), file.entryOffset()));
        }
    }

    private void walk() throws FatException {
        Set<Long> seen = new HashSet<>();
        if (type == Type.FAT32) {
            directory(clustersOf(rootCluster, "the root directory", seen), "", 0, seen);
        } else {
            List<long[]> root = List.<long[]>of(new long[] {rootStart, rootBytes});
            directory(root, "", 0, seen);
        }
    }

    /** The directory whose entries lie in {@code regions} (offset, length), under {@code path}. */
    private void directory(List<long[]> regions, String path, int depth, Set<Long> seen) throws FatException {
        if (depth > MAX_DEPTH) {
            throw corrupt("has directories more than " + MAX_DEPTH + " deep at " + path);
        }
        List<String> longName = new ArrayList<>();
        for (long[] region : regions) {
            for (long at = region[0]; at + ENTRY <= region[0] + region[1]; at += ENTRY) {
                int a = (int) at;
                int first = u8(a);
                if (first == 0) {
                    return;
                }
                int attr = u8(a + 11);
                if (first == 0xE5) {
                    longName.clear();
                    continue;
                }
                if (attr == ATTR_LFN) {
                    longName.add(0, lfnPart(a));
                    continue;
                }
                String name = longName.isEmpty() ? shortName(a) : String.join("", longName);
                longName.clear();
                if ((attr & ATTR_VOLUME) != 0 || name.equals(".") || name.equals("..")) {
                    continue;
                }
                if (name.isEmpty() || name.contains("/") || name.contains("\0")) {
                    throw corrupt("has a directory entry with the name '" + name + "' at byte " + a);
                }
                long cluster = u16(a + 26) | (type == Type.FAT32 ? (long) u16(a + 20) << 16 : 0);
                String child = path.isEmpty() ? name : path + "/" + name;
                if ((attr & ATTR_DIRECTORY) != 0) {
                    if (cluster < 2) {
                        throw corrupt("has the directory " + child + " at cluster " + cluster);
                    }
                    directory(clustersOf(cluster, child, seen), child, depth + 1, seen);
                } else {
                    files.add(new FatFile(child, u32(a + 28), cluster, a));
                }
            }
        }
    }

    private List<long[]> clustersOf(long first, String what, Set<Long> seen) throws FatException {
        List<long[]> regions = new ArrayList<>();
        for (long c : chain(first, what)) {
            if (!seen.add(c)) {
                throw corrupt("reaches cluster " + c + " twice through its directories (at " + what + "): they loop");
            }
            regions.add(new long[] {offset(c), clusterBytes});
        }
        return regions;
    }

    /** The clusters from {@code first} to the end of its chain; a chain that loops or leaves the volume is refused. */
    private List<Long> chain(long first, String what) throws FatException {
        List<Long> chain = new ArrayList<>();
        Set<Long> visited = new HashSet<>();
        long c = first;
        while (c >= 2 && c < endOfChain() - 7) {
            if (c >= clusters + 2) {
                throw corrupt("has " + what + " in cluster " + c + ", past its " + clusters + " clusters");
            }
            if (!visited.add(c)) {
                throw corrupt("has a cluster chain for " + what + " that loops at cluster " + c);
            }
            chain.add(c);
            c = fat(c);
        }
        if (c != 0 && c < endOfChain() - 7 && c < 2) {
            throw corrupt("has a cluster chain for " + what + " that leads to cluster " + c);
        }
        return chain;
    }

    private long fat(long n) {
        long at = (long) reserved * bytesPerSector;
        return switch (type) {
            case FAT12 -> {
                int v = u16((int) (at + n + n / 2));
                yield n % 2 == 0 ? v & 0xFFF : v >> 4;
            }
            case FAT16 -> u16((int) (at + 2 * n));
            case FAT32 -> u32((int) (at + 4 * n)) & 0x0FFF_FFFFL;
        };
    }

    private void setFat(long n, long value) {
        for (int copy = 0; copy < fats; copy++) {
            int at = (int) ((reserved + copy * fatSectors) * bytesPerSector);
            switch (type) {
                case FAT12 -> {
                    int i = (int) (at + n + n / 2);
                    int v = u16(i);
                    v = n % 2 == 0 ? (v & 0xF000) | (int) (value & 0xFFF) : (v & 0x000F) | (int) ((value & 0xFFF) << 4);
                    image[i] = (byte) v;
                    image[i + 1] = (byte) (v >> 8);
                }
                case FAT16 -> {
                    image[at + 2 * (int) n] = (byte) value;
                    image[at + 2 * (int) n + 1] = (byte) (value >> 8);
                }
                case FAT32 -> {
                    long keep = u32(at + 4 * (int) n) & 0xF000_0000L;
                    le32(at + 4 * (int) n, keep | (value & 0x0FFF_FFFFL));
                }
            }
        }
    }

    private long endOfChain() {
        return switch (type) {
            case FAT12 -> 0xFFF;
            case FAT16 -> 0xFFFF;
            case FAT32 -> 0x0FFF_FFFF;
        };
    }

    private long offset(long cluster) throws FatException {
        long at = dataStart + (cluster - 2) * clusterBytes;
        if (at < dataStart || at + clusterBytes > image.length) {
            throw corrupt("has cluster " + cluster + " outside the image");
        }
        return at;
    }

    private String shortName(int a) {
        String base = new String(image, a, 8, StandardCharsets.ISO_8859_1).stripTrailing();
        String ext = new String(image, a + 8, 3, StandardCharsets.ISO_8859_1).stripTrailing();
        int flags = u8(a + 12);
        if ((flags & 0x08) != 0) {
            base = base.toLowerCase(java.util.Locale.ROOT);
        }
        if ((flags & 0x10) != 0) {
            ext = ext.toLowerCase(java.util.Locale.ROOT);
        }
        if (!base.isEmpty() && (base.charAt(0) & 0xff) == 0x05) {
            base = (char) 0xE5 + base.substring(1);
        }
        return ext.isEmpty() ? base : base + "." + ext;
    }

    private String lfnPart(int a) {
        StringBuilder s = new StringBuilder();
        int[][] runs = {{1, 5}, {14, 6}, {28, 2}};
        for (int[] run : runs) {
            for (int k = 0; k < run[1]; k++) {
                int ch = u16(a + run[0] + 2 * k);
                if (ch == 0 || ch == 0xFFFF) {
                    return s.toString();
                }
                s.append((char) ch);
            }
        }
        return s.toString();
    }

    private int u8(int at) {
        return image[at] & 0xff;
    }

    private int u16(int at) {
        return (image[at] & 0xff) | (image[at + 1] & 0xff) << 8;
    }

    private long u32(int at) {
        return (image[at] & 0xffL) | (image[at + 1] & 0xffL) << 8 | (image[at + 2] & 0xffL) << 16 | (image[at + 3] & 0xffL) << 24;
    }

    private void le32(int at, long v) {
        for (int i = 0; i < 4; i++) {
            image[at + i] = (byte) (v >> (8 * i));
        }
    }

    private FatException corrupt(String what) {
        return new FatException(source + " " + what, "make the EFI image again (mformat, mkfs.fat)");
    }
}
