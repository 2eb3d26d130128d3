package io.xsbuild.iso;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A tree as a comparable value: each path with its type, size, content digest, link target,
 * modification second and permissions. Made from an extracted directory or from an {@link IsoImage}.
 */
record TreeSnapshot(SortedMap<String, Node> nodes) {

    /** One path; {@code sha256} and {@code size} only for files, {@code target} only for links. */
    record Node(IsoEntry.Type type, long size, String sha256, String target, long mtimeSecond, int permissions) {
    }

    static TreeSnapshot of(Path root) throws IOException {
        SortedMap<String, Node> nodes = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(p -> !p.equals(root)).toList()) {
                String path = root.relativize(p).toString();
                long mtime = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().getEpochSecond();
                if (Files.isSymbolicLink(p)) {
                    nodes.put(path, new Node(IsoEntry.Type.SYMLINK, 0, null, Files.readSymbolicLink(p).toString(), -1, -1));
                } else if (Files.isDirectory(p)) {
                    nodes.put(path, new Node(IsoEntry.Type.DIRECTORY, 0, null, null, -1, -1));
                } else {
                    try (InputStream in = Files.newInputStream(p)) {
                        nodes.put(path, new Node(IsoEntry.Type.FILE, Files.size(p), sha256(in), null, mtime, mode(p)));
                    }
                }
            }
        }
        return new TreeSnapshot(nodes);
    }

    static TreeSnapshot of(IsoImage iso) throws IOException, IsoException {
        SortedMap<String, Node> nodes = new TreeMap<>();
        for (IsoEntry e : iso.entries()) {
            Node node = switch (e.type()) {
                case FILE -> {
                    try (InputStream in = iso.open(e)) {
                        yield new Node(e.type(), e.size(), sha256(in), null, e.modified().getEpochSecond(), e.permissions() & 0777);
                    }
                }
                case SYMLINK -> new Node(e.type(), 0, null, e.symlinkTarget(), -1, -1);
                default -> new Node(e.type(), 0, null, null, -1, -1);
            };
            nodes.put(e.path(), node);
        }
        return new TreeSnapshot(nodes);
    }

    static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 << 10];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int mode(Path p) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        int mode = 0;
        for (PosixFilePermission perm : perms) {
            mode |= 1 << (8 - perm.ordinal());
        }
        return mode;
    }
}
