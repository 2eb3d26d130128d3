package io.xsbuild.snapshot;

import io.xsbuild.event.Events;
import io.xsbuild.io.FileNames;
import io.xsbuild.iso.ImageScan;
import io.xsbuild.iso.IsoEntry;
import io.xsbuild.iso.IsoException;
import io.xsbuild.repo.PackagePipeline.Fetched;
import io.xsbuild.repo.PackagePipeline.Job;
import io.xsbuild.repo.ReusableMetadata;
import io.xsbuild.repo.xml.PublishedPackages.Published;
import io.xsbuild.rpm.BadPackageException;
import io.xsbuild.rpm.FileFacts;
import io.xsbuild.rpm.RpmPackage;
import io.xsbuild.rpm.RpmReader;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Brings packages from the images into the snapshot being staged, each image read once, front to
 * back ({@link ImageScan}), for its SHA-256 and the packages it holds. A new package is read once,
 * as the image's read passes it: copied while it is hashed and its header parsed. A package the previous snapshot published at
 * the same place with the same size and time is hard-linked to the previous snapshot's file
 * instead of copied, once reading it has shown the same checksum; with {@code --update} it is
 * not read at all and its published metadata is reused. A package the whitelist does not name is
 * left out once its header is read, and nothing of it is written.
 */
final class PackageImporter implements AutoCloseable {

    private static final int BUFFER = 1 << 14;
    /** Most copies in one write. */
    private static final int COPY_BUFFER = 1 << 17;

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
    private final Map<OpenIso, ImageScan> scans = new IdentityHashMap<>();

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

    /**
     * Plans the import of {@code packages} (in {@link io.xsbuild.repo.PackageOrder}) and starts
     * reading {@code isos}, each front to back once: its SHA-256 computed unless it is known, the
     * packages to read handed over as the read passes them. The jobs are to start in the plan's
     * order, which is each image's order.
     */
    Plan plan(List<IsoPackage> packages, List<OpenIso> isos, Events events) throws IsoException {
        List<Job> jobs = new ArrayList<>(packages.size());
        Map<OpenIso, List<IsoEntry>> toRead = new IdentityHashMap<>();
        isos.forEach(iso -> toRead.put(iso, new ArrayList<>()));
        List<IsoPackage> reading = new ArrayList<>();
        for (IsoPackage p : packages) {
            Published candidate = previous == null ? null : previous.published(p.href(), p.entry().size(), p.mtime());
            Fetched reusable = update && previous.reusable(candidate) ? previous.reused(candidate, p.href()) : null;
            if (reusable == null) {
                toRead.get(p.from()).add(p.entry());
                reading.add(p);
            }
            jobs.add(() -> {
                Fetched fetched = fetch(p, candidate, reusable);
                if (fetched != null) {
                    (p.href().startsWith(SnapshotLayout.SOURCE + "/") ? sourcePackages : binaryPackages).incrementAndGet();
                }
                return fetched;
            });
        }
        for (OpenIso iso : isos) {
            scans.put(iso, ImageScan.start(iso.image(), toRead.get(iso), iso.iso().sha256() == null, events));
        }
        return new Plan(jobs, startOrder(packages, isos));
    }

    /**
     * The order to start the jobs in: each image's packages in the order its read hands them over,
     * the images' sequences merged by input order (so that memory holds few packages ahead of the
     * writer when the images are in that order already), the packages read on their own or not at
     * all in input order among them.
     */
    private int[] startOrder(List<IsoPackage> packages, List<OpenIso> isos) {
        Map<OpenIso, Map<IsoEntry, Integer>> index = new IdentityHashMap<>();
        for (int i = 0; i < packages.size(); i++) {
            index.computeIfAbsent(packages.get(i).from(), iso -> new IdentityHashMap<>()).put(packages.get(i).entry(), i);
        }
        List<ArrayDeque<Integer>> queues = new ArrayList<>();
        boolean[] fed = new boolean[packages.size()];
        for (OpenIso iso : isos) {
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            Map<IsoEntry, Integer> ofIso = index.getOrDefault(iso, Map.of());
            for (IsoEntry e : scans.get(iso).order()) {
                Integer i = ofIso.get(e);
                if (i != null) {
                    queue.add(i);
                    fed[i] = true;
                }
            }
            queues.add(queue);
        }
        ArrayDeque<Integer> others = new ArrayDeque<>();
        for (int i = 0; i < packages.size(); i++) {
            if (!fed[i]) {
                others.add(i);
            }
        }
        queues.add(others);
        int[] order = new int[packages.size()];
        for (int n = 0; n < order.length; n++) {
            ArrayDeque<Integer> first = null;
            for (ArrayDeque<Integer> q : queues) {
                if (!q.isEmpty() && (first == null || q.peek() < first.peek())) {
                    first = q;
                }
            }
            order[n] = first.poll();
        }
        return order;
    }

    /** The jobs, in input order, and the order to start them in. */
    record Plan(List<Job> jobs, int[] startOrder) {
    }

    /** The images' SHA-256s, in the order {@link #plan} was given them, once their reads are over. */
    List<String> sha256s(List<OpenIso> isos) throws IOException {
        List<String> values = new ArrayList<>();
        for (OpenIso iso : isos) {
            values.add(iso.iso().sha256() != null ? iso.iso().sha256() : scans.get(iso).sha256());
        }
        return values;
    }

    /**
     * @param candidate what the previous snapshot published at the same place, for a file of the same size and time
     * @param reusable  that, ready to be written again unread ({@code --update}), or null
     */
    private Fetched fetch(IsoPackage p, Published candidate, Fetched reusable) throws BadPackageException, IOException {
        if (reusable != null) {
            if (whitelist != null && !whitelist.contains(candidate.name())) {
                return null;
            }
            if (link(p, candidate.facts())) {
                return reusable;
            }
            return Fetched.read(copy(p, p.from().image().open(p.entry()), false));
        }
        try (InputStream passing = scans.get(p.from()).open(p.entry())) {
            if (candidate == null) {
                RpmPackage copied = copy(p, passing, whitelist != null);
                return copied == null ? null : Fetched.read(copied);
            }
            RpmPackage read = read(p, passing, null, null);
            if (!kept(read)) {
                return null;
            }
            if (read.pkgid().equals(candidate.pkgid()) && link(p, candidate.facts())) {
                return Fetched.read(read);
            }
        }
        return Fetched.read(copy(p, p.from().image().open(p.entry()), false));
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
    private boolean link(IsoPackage p, FileFacts published) throws IOException {
        Path from = FileNames.resolve(previousDir, p.href());
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(from, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
        if (!a.isRegularFile() || a.size() != published.size()
                || a.lastModifiedTime().to(TimeUnit.SECONDS) != published.mtime()) {
            return false;
        }
        Path to = FileNames.resolve(staging, p.href());
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

    /**
     * Copies the package from {@code in} into the snapshot in the one pass that reads it; with
     * {@code filter}, only when the whitelist keeps it (else null, and nothing is written).
     */
    private RpmPackage copy(IsoPackage p, InputStream in, boolean filter) throws BadPackageException, IOException {
        Path to = FileNames.resolve(staging, p.href());
        RpmPackage read;
        try (CopyStream out = new CopyStream(to, !filter)) {
            read = read(p, in, out, filter ? pkg -> kept(pkg) && out.keep() : null);
        } catch (BadPackageException e) {
            Files.deleteIfExists(to);
            throw e;
        } catch (CopyFailure e) {
            throw e.failure;
        } catch (IOException e) {
            throw new IOException("cannot write " + to + ": " + e.getMessage(), e);
        }
        if (read == null) {
            return null;
        }
        Files.setLastModifiedTime(to, FileTime.from(p.entry().modified()));
        copied.incrementAndGet();
        bytesCopied.addAndGet(read.facts().size());
        return read;
    }

    /**
     * Reads the package from {@code in}, copying it to {@code tee} unless that is null; what cannot
     * be read makes it a bad package named by where it lies. {@code wanted}, unless null, is asked
     * once the headers are read whether to read on (else the result is null).
     */
    private RpmPackage read(IsoPackage p, InputStream in, OutputStream tee, Predicate<RpmPackage> wanted)
            throws BadPackageException, IOException {
        try (InputStream buffered = new BufferedInputStream(in, BUFFER)) {
            return reader.read(buffered, p.href(), p.entry().size(), p.mtime(), tee, wanted);
        } catch (BadPackageException e) {
            throw new BadPackageException(p.label(), e.problem(), e);
        } catch (CopyFailure e) {
            throw e;
        } catch (IOException e) {
            throw new BadPackageException(p.label(), "cannot be read from the image: " + e.getMessage(), e);
        }
    }

    /** Stops the images' reads and walking the previous snapshot's metadata. */
    @Override
    public void close() {
        scans.values().forEach(ImageScan::close);
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

    /**
     * The copy's output: a failure to write is a {@link CopyFailure} naming the file. Unless it is
     * kept from the start, what is written is held in memory until {@link #keep()} (the headers,
     * while the whitelist is asked), and the file made only then: never, when it is not kept.
     */
    private static final class CopyStream extends OutputStream {
        private final Path file;
        private ByteArrayOutputStream held;
        private OutputStream out;
        private boolean kept;

        CopyStream(Path file, boolean kept) {
            this.file = file;
            this.kept = kept;
            this.held = kept ? null : new ByteArrayOutputStream();
        }

        /** Says the file is to be made (when next written to, or closed); true. */
        boolean keep() {
            kept = true;
            return true;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!kept) {
                held.write(b, off, len);
                return;
            }
            try {
                open().write(b, off, len);
            } catch (IOException e) {
                throw new CopyFailure(new IOException("cannot write " + file + ": " + e.getMessage(), e));
            }
        }

        @Override
        public void close() throws IOException {
            if (kept) {
                try {
                    open().close();
                } catch (IOException e) {
                    throw new CopyFailure(new IOException("cannot write " + file + ": " + e.getMessage(), e));
                }
            }
        }

        /** The file, made on first use, with what was held written to it. */
        private OutputStream open() throws IOException {
            if (out == null) {
                out = new BufferedOutputStream(Channels.newOutputStream(
                        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)), COPY_BUFFER);
                if (held != null) {
                    held.writeTo(out);
                    held = null;
                }
            }
            return out;
        }
    }
}
