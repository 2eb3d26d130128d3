package io.xsbuild.iso;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An ISO9660 image read in place: no mount, no root, no extraction. Opening it reads the volume
 * descriptors and picks the name tree (Rock Ridge, else Joliet, else plain ISO9660); walking it
 * reads directory records only, never file contents; a file's bytes are streamed on demand.
 *
 * <p>Every entry is checked as it is read: names that climb or carry separators, links that lead
 * out of the image, directories reached twice and extents past the end of the volume are refused
 * with an {@link IsoException} that names the image and the byte offset.
 *
 * <p>Streams from {@link #open} may be read concurrently; the tree methods are synchronized.
 */
public final class IsoImage implements Closeable {

    private final ImageChannel image;
    private final IsoVolume volume;
    private final TreeWalker walker;
    private final TreeWalker.Child root;
    private final Map<Long, List<TreeWalker.Child>> listings = new HashMap<>();
    private List<IsoEntry> entries;

    private IsoImage(ImageChannel image, IsoVolume volume, TreeWalker walker, TreeWalker.Child root) {
        this.image = image;
        this.volume = volume;
        this.walker = walker;
        this.root = root;
    }

    /** Opens the image at {@code iso} and reads its volume descriptors and root directory. */
    public static IsoImage open(Path iso) throws IsoException {
        return open(iso, IsoVolume.Names.ROCK_RIDGE);
    }

    /**
     * Opens the image reading names from the tree {@code preferred} when the image has it, else as
     * {@link #open(Path)} does: {@link IsoVolume.Names#JOLIET} reads a Rock Ridge + Joliet image as
     * a reader that ignores Rock Ridge would, {@link IsoVolume.Names#ISO9660} as one that knows
     * neither extension. {@link IsoImage#volume()} tells which tree was read.
     */
    public static IsoImage open(Path iso, IsoVolume.Names preferred) throws IsoException {
        ImageChannel image = ImageChannel.open(iso);
        try {
            return read(image, preferred);
        } catch (IsoException | RuntimeException e) {
            try {
                image.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static IsoImage read(ImageChannel image, IsoVolume.Names preferred) throws IsoException {
        VolumeDescriptors descriptors = VolumeDescriptors.read(image);
        long pvd = (long) VolumeDescriptors.FIRST_BLOCK * DirectoryReader.SECTOR;
        if (descriptors.blockSize() != DirectoryReader.SECTOR) {
            throw new UnsupportedIsoException(image.iso(), pvd + 128, "logical blocks of " + descriptors.blockSize() + " bytes",
                    "xsbuild reads images with 2048-byte blocks, as every CD/DVD image tool writes them");
        }
        long volumeEnd = descriptors.primary().bytes();
        if (volumeEnd > image.size()) {
            throw new CorruptIsoException(image.iso(), pvd + 80, "the volume is " + volumeEnd + " bytes but the file holds only "
                    + image.size() + ": the image is truncated");
        }
        DirectoryReader directories = new DirectoryReader(image, volumeEnd);
        SuspReader susp = new SuspReader(image, volumeEnd);
        DirectoryRecord primaryRoot = descriptors.primaryRoot();
        OptionalInt rockRidge = rockRidge(directories, susp, primaryRoot);
        IsoVolume.Names names = IsoVolume.Names.ISO9660;
        for (IsoVolume.Names candidate : List.of(preferred, IsoVolume.Names.ROCK_RIDGE, IsoVolume.Names.JOLIET)) {
            if (candidate == IsoVolume.Names.ROCK_RIDGE && rockRidge.isPresent()
                    || candidate == IsoVolume.Names.JOLIET && descriptors.jolietRoot() != null
                    || candidate == IsoVolume.Names.ISO9660) {
                names = candidate;
                break;
            }
        }
        DirectoryRecord treeRoot = names == IsoVolume.Names.JOLIET ? descriptors.jolietRoot() : primaryRoot;
        IsoEntry rootEntry = new IsoEntry("", IsoEntry.Type.DIRECTORY, 0, treeRoot.recorded(), 0555, null,
                List.of(new Extent(treeRoot.dataBlock() * DirectoryReader.SECTOR, treeRoot.dataLength())));
        return new IsoImage(image, descriptors.volume(names),
                new TreeWalker(directories, susp, names, rockRidge.orElse(0)),
                new TreeWalker.Child(rootEntry, treeRoot.offset()));
    }

    /**
     * Rock Ridge is announced in the root directory's own "." record (SUSP 5.3). A system use area
     * that is not SUSP at all (CD-XA) means no Rock Ridge, not a corrupt image.
     */
    private static OptionalInt rockRidge(DirectoryReader directories, SuspReader susp, DirectoryRecord root)
            throws IsoException {
        DirectoryRecord self = directories.self(root.dataBlock(), root.offset());
        try {
            return RockRidge.detect(susp.entries(self, 0));
        } catch (CorruptIsoException notSusp) {
            return OptionalInt.empty();
        }
    }

    /** The file the image was opened from. */
    public Path path() {
        return image.iso();
    }

    public IsoVolume volume() {
        return volume;
    }

    /**
     * Every entry of the image, directories before what they hold, each directory's entries in the
     * order recorded. Read once, on the first call; no file content is read.
     */
    public synchronized List<IsoEntry> entries() throws IsoException {
        if (entries == null) {
            entries = List.copyOf(walker.walk(root));
        }
        return entries;
    }

    /** The entries of one directory ("" for the root), reading only the directories on its path. */
    public synchronized List<IsoEntry> list(String directory) throws IsoException {
        TreeWalker.Child dir = locate(directory);
        if (dir == null || !dir.entry().isDirectory()) {
            return List.of();
        }
        List<IsoEntry> list = new ArrayList<>();
        for (TreeWalker.Child child : children(dir)) {
            list.add(child.entry());
        }
        return list;
    }

    /**
     * The entry at {@code path} ('/'-separated, leading '/' optional; symbolic links are not
     * followed), reading only the directories on its path.
     */
    public synchronized Optional<IsoEntry> find(String path) throws IsoException {
        TreeWalker.Child found = locate(path);
        return found == null || found == root ? Optional.empty() : Optional.of(found.entry());
    }

    private TreeWalker.Child locate(String path) throws IsoException {
        TreeWalker.Child at = root;
        for (String component : path.split("/")) {
            if (component.isEmpty()) {
                continue;
            }
            if (!at.entry().isDirectory()) {
                return null;
            }
            TreeWalker.Child next = null;
            for (TreeWalker.Child child : children(at)) {
                if (child.entry().name().equals(component)) {
                    next = child;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            at = next;
        }
        return at;
    }

    /** The entries of a directory, read once however often they are looked up. */
    private List<TreeWalker.Child> children(TreeWalker.Child directory) throws IsoException {
        long extent = directory.entry().extents().get(0).offset();
        List<TreeWalker.Child> children = listings.get(extent);
        if (children == null) {
            children = walker.children(directory);
            listings.put(extent, children);
        }
        return children;
    }

    /** What boots the image: its system area, El Torito catalog and volume date; reads nothing of the tree. */
    public BootInfo bootInfo() throws IsoException {
        return BootInfo.read(image, volume.bytes());
    }

    /** The content of {@code file}, streamed from the image; multi-extent files read as one. */
    public InputStream open(IsoEntry file) {
        requireFile(file);
        return new ExtentInputStream(image, file.extents());
    }

    /**
     * The whole content of a small file ({@code .treeinfo}, {@code repomd.xml}, comps).
     *
     * @throws IsoFileTooLargeException when the file holds more than {@code limit} bytes
     */
    public byte[] readAllBytes(IsoEntry file, int limit) throws IsoException {
        requireFile(file);
        if (file.size() > limit) {
            throw new IsoFileTooLargeException(image.iso(), file.path(), file.size(), limit);
        }
        try (InputStream in = open(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IsoReadException(image.iso(), e);
        }
    }

    /** The content of the file at {@code path}, if there is a file there. */
    public Optional<byte[]> readFile(String path, int limit) throws IsoException {
        Optional<IsoEntry> file = find(path).filter(IsoEntry::isFile);
        return file.isPresent() ? Optional.of(readAllBytes(file.get(), limit)) : Optional.empty();
    }

    private static void requireFile(IsoEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (!entry.isFile()) {
            throw new IllegalArgumentException(entry.path() + " is a " + entry.type() + ", not a file");
        }
    }

    @Override
    public void close() throws IOException {
        image.close();
    }
}
