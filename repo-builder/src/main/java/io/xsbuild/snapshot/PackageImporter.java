package io.xsbuild.snapshot;

import io.xsbuild.repo.PackagePipeline.Fetched;
import io.xsbuild.repo.PackagePipeline.Job;
import io.xsbuild.repo.ReusableMetadata;
import io.xsbuild.rpm.BadPackageException;
import io.xsbuild.rpm.RpmPackage;
import io.xsbuild.rpm.RpmReader;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Brings packages from the images into the snapshot being staged. A new package is read once:
 * copied while it is hashed and its header parsed. A package the previous snapshot published at
 * the same place with the same size and time is hard-linked to the previous snapshot's file
 * instead of copied, once reading it has shown the same checksum; with {@code --update} it is
 * not read at all and its published metadata is reused. A package the whitelist does not name is
 * left out after its header is read.
 */
final class PackageImporter implements AutoCloseable {

    private static final int BUFFER = 1 << 14;

    private final Path staging;
    private final Path previousDir;
    private final ReusableMetadata previous;
    private final RpmReader reader;
    private final Set<String> whitelist;
    private final boolean update;
    private final AtomicLong copied = new AtomicLong();
    private final AtomicLong linked = new AtomicLong();
    private final AtomicLong bytesCopied = new AtomicLong();
    private final AtomicLong binaryPackages = new AtomicLong();
    private final AtomicLong sourcePackages = new AtomicLong();

    /**
     * @param previousDir the previous snapshot, or null
     * @param previous    its published metadata, or null
     * @param whitelist   the package names to keep, or null for all
     */
    PackageImporter(Path staging, Path previousDir, ReusableMetadata previous, RpmReader reader, Set<String> whitelist,
                    boolean update) {
        this.staging = staging;
        this.previousDir = previousDir;
        this.previous = previous;
        this.reader = reader;
        this.whitelist = whitelist;
        this.update = update;
    }

    /** The job for {@code p}; called in {@link io.xsbuild.repo.PackageOrder}, on one thread. */
    Job job(IsoPackage p) {
        RpmPackage candidate = previous == null ? null : previous.published(p.href(), p.entry().size(), p.mtime());
        RpmPackage reusable = update && candidate != null ? previous.reusable(candidate, p.href()) : null;
        return () -> {
            Fetched fetched = fetch(p, candidate, reusable);
            if (fetched != null) {
                (p.href().startsWith(SnapshotLayout.SOURCE + "/") ? sourcePackages : binaryPackages).incrementAndGet();
            }
            return fetched;
        };
    }

    /**
     * @param candidate what the previous snapshot published at the same place, for a file of the same size and time
     * @param reusable  that, ready to be written again unread ({@code --update}), or null
     */
    private Fetched fetch(IsoPackage p, RpmPackage candidate, RpmPackage reusable) throws BadPackageException, IOException {
        if (reusable != null) {
            if (!kept(reusable)) {
                return null;
            }
            if (link(p, candidate)) {
                return Fetched.reused(reusable);
            }
        } else if (candidate != null) {
            RpmPackage read = read(p, null);
            if (!kept(read)) {
                return null;
            }
            if (read.pkgid().equals(candidate.pkgid()) && link(p, candidate)) {
                return Fetched.read(read);
            }
        } else if (whitelist != null && !kept(header(p))) {
            return null;
        }
        return Fetched.read(copy(p));
    }

    /** The staged snapshot the packages go into. */
    Path staging() {
        return staging;
    }

    long binaryPackages() {
        return binaryPackages.get();
    }

    long sourcePackages() {
        return sourcePackages.get();
    }

    long copied() {
        return copied.get();
    }

    long linked() {
        return linked.get();
    }

    long bytesCopied() {
        return bytesCopied.get();
    }

    private boolean kept(RpmPackage p) {
        return whitelist == null || whitelist.contains(p.name());
    }

    /**
     * Hard-links the previous snapshot's file, if it is still the one {@code published} describes;
     * copies it where the file system cannot link.
     */
    private boolean link(IsoPackage p, RpmPackage published) throws IOException {
        Path from = previousDir.resolve(p.href());
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(from, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
        if (!a.isRegularFile() || a.size() != published.facts().size()
                || a.lastModifiedTime().to(TimeUnit.SECONDS) != published.facts().mtime()) {
            return false;
        }
        Path to = staging.resolve(p.href());
        try {
            Files.createLink(to, from);
            linked.incrementAndGet();
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            copied.incrementAndGet();
            bytesCopied.addAndGet(a.size());
        }
        return true;
    }

    /** Copies the package into the snapshot in the one pass that reads it. */
    private RpmPackage copy(IsoPackage p) throws BadPackageException, IOException {
        Path to = staging.resolve(p.href());
        RpmPackage read;
        try (OutputStream out = new CopyStream(to, Channels.newOutputStream(
                FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)))) {
            read = read(p, out);
        } catch (BadPackageException e) {
            Files.deleteIfExists(to);
            throw e;
        } catch (CopyFailure e) {
            throw e.failure;
        } catch (IOException e) {
            throw new IOException("cannot write " + to + ": " + e.getMessage(), e);
        }
        Files.setLastModifiedTime(to, FileTime.from(p.entry().modified()));
        copied.incrementAndGet();
        bytesCopied.addAndGet(read.facts().size());
        return read;
    }

    /** Reads the package from the image, copying it to {@code tee} unless that is null. */
    private RpmPackage read(IsoPackage p, OutputStream tee) throws BadPackageException, IOException {
        return fromImage(p, in -> reader.read(in, p.href(), p.entry().size(), p.mtime(), tee));
    }

    private RpmPackage header(IsoPackage p) throws BadPackageException, IOException {
        return fromImage(p, in -> reader.readHeader(in, p.href(), p.entry().size()));
    }

    /** A way of reading a package from its stream. */
    private interface Reading {
        RpmPackage from(InputStream in) throws BadPackageException, IOException;
    }

    /** Reads {@code p} from the image; what cannot be read makes it a bad package named by where it lies. */
    private static RpmPackage fromImage(IsoPackage p, Reading reading) throws BadPackageException, IOException {
        try (InputStream in = new BufferedInputStream(p.from().image().open(p.entry()), BUFFER)) {
            return reading.from(in);
        } catch (BadPackageException e) {
            throw new BadPackageException(p.label(), e.problem(), e);
        } catch (CopyFailure e) {
            throw e;
        } catch (IOException e) {
            throw new BadPackageException(p.label(), "cannot be read from the image: " + e.getMessage(), e);
        }
    }

    /** Stops walking the previous snapshot's metadata. */
    @Override
    public void close() {
        if (previous != null) {
            previous.close();
        }
    }

    /** A write to the snapshot that failed: the run stops, rather than the package being called bad. */
    private static final class CopyFailure extends IOException {
        final IOException failure;

        CopyFailure(IOException failure) {
            super(failure.getMessage(), failure);
            this.failure = failure;
        }
    }

    /** The copy's output: a failure to write is a {@link CopyFailure} naming the file. */
    private static final class CopyStream extends FilterOutputStream {
        private final Path file;

        CopyStream(Path file, OutputStream out) {
            super(new BufferedOutputStream(out, BUFFER));
            this.file = file;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new CopyFailure(new IOException("cannot write " + file + ": " + e.getMessage(), e));
            }
        }
    }
}
