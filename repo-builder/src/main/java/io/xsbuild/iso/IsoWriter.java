package io.xsbuild.iso;

import io.xsbuild.event.Events;
import io.xsbuild.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes an ISO9660 image with Rock Ridge and Joliet from host files, directories, symbolic links
 * and bytes, as xorriso or genisoimage would, without either.
 *
 * <pre>{@code
 * new IsoWriter("XS-DEMO binpkg", Instant.ofEpochSecond(sourceDateEpoch))
 *         .addTree("", stagingDir)
 *         .addBytes(".treeinfo", treeinfo)
 *         .write(Path.of("binpkg.iso"), events);
 * }</pre>
 *
 * <ul>
 * <li>Rock Ridge (RRIP_1991A) carries the POSIX names, permission bits (owner and group 0), symbolic
 * links and modification times; plain ISO9660 names are level 1 (8.3, upper case, unique); Joliet
 * names are the POSIX names cut to 64 UCS-2 characters (a short extension kept, as xorriso does),
 * numbered where cutting makes two alike. Joliet, like genisoimage's, has no symbolic links.
 * <li>Directories deeper than 8 levels (the root is level 1) are refused rather than relocated;
 * names longer than 255 UTF-8 bytes are refused; devices, fifos and sockets are refused.
 * <li>Files of 4 GiB and more are recorded in several extents (ECMA-119 multi-extent, level 3).
 * <li>The image is deterministic: the same entries, volume id and times give the same bytes, in
 * whatever order the entries were added. Contents are streamed from the host files (or from the
 * extents of another image, {@link #addFromImage}) when written, never held in memory; files of
 * the same content share their blocks; the image appears whole under its name or not at all.
 * <li>It can boot: {@link #elTorito} adds the El Torito boot record and catalog, writes the boot
 * images first and patches their boot info tables; {@link #systemArea} makes it hybrid (MBR, GPT,
 * partitions appended after the volume). {@link BootCarryOver} restates another image's setup so.
 * </ul>
 */
public final class IsoWriter {

    /** The longest extent of one directory record: 4 GiB less a block, as xorriso writes them. */
    public static final long MAX_EXTENT = 0xFFFF_F800L;
    private static final int MAX_NAME_BYTES = 255;
    private static final int FILE_PERMISSIONS = 0644;
    private static final int DIRECTORY_PERMISSIONS = 0755;

    private final String volumeId;
    private final Instant created;
    private final IsoNode root;
    private Instant fileTimes;
    private long maxExtent = MAX_EXTENT;
    private byte[] modifiedField;
    private ElTorito boot;
    private IsoNode catalog;
    private SystemArea systemArea;

    /**
     * An empty image.
     *
     * @param volumeId 1 to 32 printable ASCII characters (Joliet keeps the first 16)
     * @param created  the volume's creation and modification date, and the modification time of
     *                 entries that have none of their own (bytes, directories made implicitly)
     */
    public IsoWriter(String volumeId, Instant created) throws IsoWriteException {
        if (volumeId.isEmpty() || volumeId.length() > 32 || !volumeId.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IsoWriteException("the volume id '" + volumeId + "' is not 1 to 32 printable ASCII characters",
                    "choose a shorter plain ASCII volume id");
        }
        this.volumeId = volumeId;
        this.created = Objects.requireNonNull(created, "created");
        this.root = new IsoNode(null, "", IsoNode.Kind.DIRECTORY, null, null, 0, null, DIRECTORY_PERMISSIONS, null);
    }

    /** Records {@code time} as the modification time of every entry, whatever the host files say. */
    public IsoWriter fileTimes(Instant time) {
        this.fileTimes = Objects.requireNonNull(time, "time");
        return this;
    }

    /**
     * Records the 17 bytes {@code field} (ECMA-119 8.4.27: 16 digits and a zone) as the volume's
     * modification date, as they are: GRUB makes a volume's UUID of these digits, so a remastered
     * image that keeps them is still found by {@code search --fs-uuid}.
     */
    public IsoWriter modificationDate(byte[] field) {
        if (field.length != IsoDates.LONG) {
            throw new IllegalArgumentException("a date field of " + field.length + " bytes");
        }
        this.modifiedField = field.clone();
        return this;
    }

    /**
     * Makes the image bootable by El Torito: a boot record, the catalog (at its path in the tree,
     * which must not be added otherwise, or hidden) and the images it names, written before every
     * other file and patched as asked.
     */
    public IsoWriter elTorito(ElTorito setup) throws IsoWriteException {
        if (boot != null) {
            throw new IsoWriteException("the image is given two El Torito boot setups", "give one");
        }
        byte[] placeholder = new byte[setup.catalog().encodedLength()];
        if (setup.catalogPath() == null) {
            catalog = new IsoNode(null, "(El Torito boot catalog)", IsoNode.Kind.FILE, null, placeholder,
                    placeholder.length, null, FILE_PERMISSIONS, null);
        } else {
            String path = normalize(setup.catalogPath());
            add(path, IsoNode.Kind.FILE, null, placeholder, placeholder.length, null, FILE_PERMISSIONS, null);
            catalog = node(path);
        }
        catalog.catalog = true;
        boot = setup;
        return this;
    }

    /** Makes the image hybrid: the system area, MBR and GPT, and what follows the volume, as {@code area} says. */
    public IsoWriter systemArea(SystemArea area) {
        this.systemArea = area;
        return this;
    }

    /**
     * Adds {@code entry} of {@code image} at its path, with its permissions and time: a directory, a
     * symbolic link, or a file whose content is copied from the image's extents when the image is
     * written (so the image must not change until then). Special files are refused.
     */
    public IsoWriter addFromImage(IsoImage image, IsoEntry entry) throws IsoWriteException {
        String path = normalize(entry.path());
        switch (entry.type()) {
            case DIRECTORY -> add(path, IsoNode.Kind.DIRECTORY, null, null, 0, null, entry.permissions(), entry.modified());
            case SYMLINK -> add(path, IsoNode.Kind.SYMLINK, null, null, 0, entry.symlinkTarget(), entry.permissions(),
                    entry.modified());
            case FILE -> {
                add(path, IsoNode.Kind.FILE, image.path(), null, entry.size(), null, entry.permissions(), entry.modified());
                node(path).ranges = List.copyOf(entry.extents());
            }
            case SPECIAL -> throw new IsoWriteException(image.path() + ":" + entry.path() + " is a device, fifo or socket",
                    "an image holds files, directories and symbolic links only: leave it out");
        }
        return this;
    }

    /** Limits extents to {@code bytes} (a multiple of 2048), so tests can make multi-extent files small. */
    IsoWriter maxExtent(long bytes) {
        if (bytes <= 0 || bytes % DirectoryReader.SECTOR != 0 || bytes > MAX_EXTENT) {
            throw new IllegalArgumentException("extent limit " + bytes);
        }
        this.maxExtent = bytes;
        return this;
    }

    /**
     * Adds what the host directory {@code dir} holds under {@code at} ("" for the root), with the
     * directory's own permissions and time. Symbolic links are recorded as links, never followed.
     */
    public IsoWriter addTree(String at, Path dir) throws IsoWriteException {
        String base = normalize(at);
        List<Path> paths;
        Path start;
        try {
            start = dir.toRealPath();
            try (Stream<Path> walk = Files.walk(start)) {
                paths = walk.toList();
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IsoWriteException("cannot read the directory " + dir + ": " + e, "check that it exists and is readable", e);
        }
        if (!Files.isDirectory(start)) {
            throw new IsoWriteException(dir + " is not a directory", "add a single file with addFile");
        }
        for (Path path : paths) {
            String relative = start.relativize(path).toString();
            addHost(base.isEmpty() ? relative : relative.isEmpty() ? base : base + "/" + relative, path,
                    LinkOption.NOFOLLOW_LINKS);
        }
        return this;
    }

    /** Adds the host file {@code file} (a link to one is followed) at {@code path}, with its permissions and time. */
    public IsoWriter addFile(String path, Path file) throws IsoWriteException {
        if (!Files.isRegularFile(file)) {
            throw new IsoWriteException(file + " is not a regular file", Files.isDirectory(file) ? "add a directory with addTree" : null);
        }
        addHost(normalize(path), file);
        return this;
    }

    /**
     * Adds the host file {@code file} at {@code path} with the permissions and time given, not its
     * own: a file that replaces one of another image keeps that one's.
     */
    public IsoWriter addFile(String path, Path file, int permissions, Instant modified) throws IsoWriteException {
        if (!Files.isRegularFile(file)) {
            throw new IsoWriteException(file + " is not a regular file", null);
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new IsoWriteException("cannot read " + file + ": " + e, "check that it exists and is readable", e);
        }
        add(normalize(path), IsoNode.Kind.FILE, file, null, size, null, permissions & 07777, modified);
        return this;
    }

    /** Adds a file of {@code content} at {@code path}: mode 0644, the volume's time. */
    public IsoWriter addBytes(String path, byte[] content) throws IsoWriteException {
        byte[] copy = content.clone();
        add(normalize(path), IsoNode.Kind.FILE, null, copy, copy.length, null, FILE_PERMISSIONS, null);
        return this;
    }

    /** Adds an empty directory at {@code path} (mode 0755, the volume's time); directories above any entry are implied. */
    public IsoWriter addDirectory(String path) throws IsoWriteException {
        add(normalize(path), IsoNode.Kind.DIRECTORY, null, null, 0, null, DIRECTORY_PERMISSIONS, null);
        return this;
    }

    /** Adds a symbolic link at {@code path} to {@code target}, recorded as given ("a//b" as "a/b"). */
    public IsoWriter addSymlink(String path, String target) throws IsoWriteException {
        if (target.isEmpty() || target.indexOf('\0') >= 0) {
            throw new IsoWriteException("the symbolic link " + path + " has an empty target or one with a NUL byte", null);
        }
        add(normalize(path), IsoNode.Kind.SYMLINK, null, null, 0, target, 0777, null);
        return this;
    }

    /**
     * Writes the image to {@code image}: into a temporary file beside it, renamed over it once
     * complete, so that a failed write leaves what was there before.
     */
    public void write(Path image, Events events) throws IsoWriteException {
        ImageLayout layout = new ImageLayout(root, volumeId, created, modifiedField, this::time, maxExtent, boot, catalog,
                systemArea);
        Path tmp = null;
        try {
            Path dir = image.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + image.getFileName() + ".", ".tmp");
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                layout.write(out, image, events);
                out.force(true);
            }
            AtomicFiles.move(tmp, image);
        } catch (IOException e) {
            throw ImageLayout.cannotWrite(image, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private Instant time(IsoNode node) {
        return fileTimes != null ? fileTimes : node.modified != null ? node.modified : created;
    }

    private void addHost(String path, Path file, LinkOption... options) throws IsoWriteException {
        try {
            PosixFileAttributes attrs = Files.readAttributes(file, PosixFileAttributes.class, options);
            int permissions = 0;
            for (PosixFilePermission p : attrs.permissions()) {
                permissions |= 0400 >> p.ordinal();
            }
            Instant modified = attrs.lastModifiedTime().toInstant();
            if (attrs.isSymbolicLink()) {
                add(path, IsoNode.Kind.SYMLINK, null, null, 0, Files.readSymbolicLink(file).toString(), permissions, modified);
            } else if (attrs.isDirectory()) {
                add(path, IsoNode.Kind.DIRECTORY, null, null, 0, null, permissions, modified);
            } else if (attrs.isRegularFile()) {
                add(path, IsoNode.Kind.FILE, file, null, attrs.size(), null, permissions, modified);
            } else {
                throw new IsoWriteException(file + " is a device, fifo or socket",
                        "an image holds files, directories and symbolic links only: leave it out");
            }
        } catch (IOException e) {
            throw new IsoWriteException("cannot read " + file + ": " + e, "check that it exists and is readable", e);
        }
    }

    private void add(String path, IsoNode.Kind kind, Path source, byte[] content, long size, String target,
                     int permissions, Instant modified) throws IsoWriteException {
        if (path.isEmpty()) {
            if (kind != IsoNode.Kind.DIRECTORY) {
                throw new IsoWriteException("a " + kind.name().toLowerCase() + " cannot be the root of the image", null);
            }
            root.permissions = permissions;
            root.modified = modified;
            return;
        }
        IsoNode dir = root;
        String[] names = path.split("/");
        for (int i = 0; i < names.length - 1; i++) {
            IsoNode next = dir.children.get(names[i]);
            if (next == null) {
                next = new IsoNode(dir, names[i], IsoNode.Kind.DIRECTORY, null, null, 0, null, DIRECTORY_PERMISSIONS, null);
                dir.children.put(names[i], next);
            } else if (!next.isDirectory()) {
                throw new IsoWriteException("cannot add " + path + " to the image: " + next.path + " is not a directory", null);
            }
            dir = next;
        }
        String name = names[names.length - 1];
        IsoNode existing = dir.children.get(name);
        if (existing != null && !(existing.isDirectory() && kind == IsoNode.Kind.DIRECTORY)) {
            throw new IsoWriteException(path + " is added to the image twice", "add each path once");
        }
        if (existing != null) {
            existing.permissions = permissions;
            existing.modified = modified;
        } else {
            dir.children.put(name, new IsoNode(dir, name, kind, source, content, size, target, permissions, modified));
        }
    }

    private IsoNode node(String path) {
        IsoNode at = root;
        for (String name : path.split("/")) {
            at = at.children.get(name);
        }
        return at;
    }

    /** The path in the image without leading or trailing '/'; every name checked. */
    private static String normalize(String path) throws IsoWriteException {
        String trimmed = path.replaceAll("^/+|/+$", "");
        if (trimmed.isEmpty()) {
            return "";
        }
        for (String name : trimmed.split("/", -1)) {
            String unsafe = EntryNames.unsafe(name);
            if (unsafe == null && name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                unsafe = "a name is longer than " + MAX_NAME_BYTES + " bytes";
            }
            if (unsafe != null) {
                throw new IsoWriteException("'" + path + "' cannot be a path in the image: " + unsafe, null);
            }
        }
        return trimmed;
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write failed or the rename happened; the error that matters is reported
            }
        }
    }
}
