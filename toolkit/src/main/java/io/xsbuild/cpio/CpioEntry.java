package io.xsbuild.cpio;

import java.util.Objects;

/**
 * The header of one member of a cpio archive in the "new ASCII" format the Linux kernel unpacks
 * initramfs images from ({@code cpio -H newc}, magic 070701) or its checksummed variant
 * ({@code -H crc}, 070702): thirteen 8-digit hexadecimal fields, then the name.
 *
 * @param magic    "070701" or "070702"
 * @param nlink    links to the inode: a hard-linked file's data travels with the last of its names
 * @param fileSize bytes of data that follow the name (a symbolic link's target)
 * @param check    the sum of the data bytes for 070702, else 0
 * @param name     the member's path as recorded ("init", "./init", "TRAILER!!!")
 */
public record CpioEntry(String magic, long ino, int mode, long uid, long gid, long nlink, long mtime, long fileSize,
                        long devMajor, long devMinor, long rdevMajor, long rdevMinor, long check, String name) {

    public static final String NEWC = "070701";
    public static final String CRC = "070702";
    public static final String TRAILER = "TRAILER!!!";

    public static final int S_IFMT = 0170000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFREG = 0100000;

    public CpioEntry {
        Objects.requireNonNull(name, "name");
        if (!magic.equals(NEWC) && !magic.equals(CRC)) {
            throw new IllegalArgumentException("cpio magic " + magic);
        }
    }

    public boolean isTrailer() {
        return name.equals(TRAILER);
    }

    public boolean isDirectory() {
        return (mode & S_IFMT) == S_IFDIR;
    }

    public boolean isFile() {
        return (mode & S_IFMT) == S_IFREG;
    }

    /** The path without a leading "./" or "/": what the kernel and {@code cpio -i} create, relative to the root. */
    public String path() {
        return normalize(name);
    }

    /** {@code name} without leading "./" and "/" parts, and without a trailing "/". */
    public static String normalize(String name) {
        String n = name;
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.substring(n.startsWith("./") ? 2 : 1);
        }
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return n.equals(".") ? "" : n;
    }
}
