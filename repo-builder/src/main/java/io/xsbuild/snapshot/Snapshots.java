package io.xsbuild.snapshot;

import io.xsbuild.error.FailedException;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.UsageException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.io.AtomicFiles;
import io.xsbuild.io.Directories;
import io.xsbuild.repo.RepoLock;
import io.xsbuild.repo.RepoLockedException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A directory of snapshots: {@code DIR/NAME/} each, and {@code DIR/current}, a relative symbolic
 * link to the one clients read. Held under the directory's lock from {@link #open} to
 * {@link #close}. A snapshot is staged in {@code DIR/.snapshot-NAME.tmp-*}, renamed into place once
 * complete, and only then is {@code current} repointed, by renaming a new link over it; whenever a
 * run is killed, {@code current} names a complete snapshot, the previous one or the new one.
 * Replacing a snapshot of the same name that {@code current} names keeps that true too: current
 * goes to the new snapshot, then to the old one under a temporary name while the new one takes its
 * name, then to the name.
 */
final class Snapshots implements AutoCloseable {

    static final String CURRENT = "current";
    private static final String STAGING = ".snapshot-";
    private static final String LINK_STAGING = ".current.tmp-";
    private static final long MAX_INFO = 16 << 20;

    private final Path dir;
    private final RepoLock lock;
    private final Events events;
    private Path staging;

    private Snapshots(Path dir, RepoLock lock, Events events) {
        this.dir = dir;
        this.lock = lock;
        this.events = events;
    }

    /** Locks {@code dir} (made if need be) and removes what killed runs left in it. */
    static Snapshots open(Path dir, boolean wait, Events events) throws IOException, RepoLockedException {
        Files.createDirectories(dir);
        RepoLock lock = RepoLock.acquire(dir, dir, wait, events);
        try {
            Snapshots snapshots = new Snapshots(dir, lock, events);
            snapshots.removeLeftovers();
            return snapshots;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The snapshot {@code current} names, or null when there is none. */
    Path current() throws IOException {
        String target = currentTarget();
        if (target == null) {
            return null;
        }
        Path snapshot = dir.resolve(target).normalize();
        return snapshot.getParent().equals(dir) && Files.isDirectory(snapshot, LinkOption.NOFOLLOW_LINKS) ? snapshot : null;
    }

    /**
     * Fails unless a snapshot {@code name} can be published here (before any work is done for it).
     *
     * @param derivedFrom what the name was made of when no --snapshot gave it ("the build number ... of
     *                    the images' .treeinfo"), or null: then a clash is the command line's, else the images'
     */
    void checkPublishable(String name, String derivedFrom) throws XsbuildException, IOException {
        Path link = dir.resolve(CURRENT);
        if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
            throw new UsageException(Phrase.of(link, " is not a symbolic link"),
                    Phrase.of("give a directory of snapshots, or an empty one, to ", SnapshotRequest.Field.OUT_DIR));
        }
        Path target = dir.resolve(name);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !published(target)) {
            if (derivedFrom != null) {
                throw new FailedException(Phrase.of("The snapshot's name ", name, ", from ", derivedFrom, ", is taken: ",
                        target, " exists and is not a snapshot xsbuild published"),
                        Phrase.of("name the snapshot with ", SnapshotRequest.Field.SNAPSHOT, " NAME"), null);
            }
            throw new UsageException(Phrase.of(target, " exists and is not a snapshot xsbuild published"),
                    Phrase.of("give another ", SnapshotRequest.Field.SNAPSHOT, " NAME or ", SnapshotRequest.Field.OUT_DIR, " DIR"));
        }
    }

    /**
     * Whether {@code snapshot} is one xsbuild published: a directory whose snapshot.json is in the
     * form {@link SnapshotInfo} is written in and names the directory. Nothing else is replaced or
     * pruned.
     */
    static boolean published(Path snapshot) {
        Path info = snapshot.resolve(SnapshotLayout.INFO);
        if (!Files.isDirectory(snapshot, LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(info, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        String text;
        try {
            if (Files.size(info) > MAX_INFO) {
                return false;
            }
            text = Files.readString(info, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
        Pattern own = Pattern.compile("\\A\\{\\s*\"snapshot\":\\s*\"" + Pattern.quote(snapshot.getFileName().toString())
                + "\",\\s*\"created\":\\s*\"[0-9T:.Z-]+\",\\s*\"product\":\\s*\\{");
        return own.matcher(text).lookingAt() && text.contains("\"isos\": [") && text.contains("\"binaryPackages\": ");
    }

    /** A new, empty directory to stage snapshot {@code name} in; removed on close unless published. */
    Path stage(String name) throws IOException {
        while (true) {
            Path candidate = dir.resolve(STAGING + name + ".tmp-" + random());
            try {
                staging = Files.createDirectory(candidate);
                return staging;
            } catch (FileAlreadyExistsException e) {
                // another name, then
            }
        }
    }

    /** Makes the staged snapshot {@code DIR/name} and points {@code current} at it. */
    void publish(String name) throws IOException {
        Path target = dir.resolve(name);
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            old = dir.resolve(STAGING + name + ".old-" + random());
            boolean isCurrent = name.equals(currentTarget());
            if (isCurrent) {
                pointCurrentAt(staging.getFileName().toString());
            }
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            if (isCurrent) {
                pointCurrentAt(old.getFileName().toString());
            }
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        staging = null;
        pointCurrentAt(name);
        if (old != null) {
            Directories.delete(old);
        }
        // A run killed while current named its staged snapshot left that directory, which opening
        // could not remove; now that current names this one, it goes.
        removeLeftovers();
    }

    /**
     * Removes the oldest snapshots (by the time their snapshot.json was written) beyond the newest
     * {@code keep}, never the one {@code current} names; 0 keeps all. Gives the names removed.
     */
    List<String> prune(int keep) throws IOException {
        if (keep <= 0) {
            return List.of();
        }
        List<Path> snapshots = new ArrayList<>();
        List<Path> foreign = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") || name.equals(CURRENT) || !Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)
                        || !Files.exists(child.resolve(SnapshotLayout.INFO), LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (published(child)) {
                    snapshots.add(child);
                } else {
                    foreign.add(child);
                }
            }
        }
        foreign.sort(Comparator.naturalOrder());
        for (Path other : foreign) {
            events.warn(Phrase.of("left ", other, " in place: its ", SnapshotLayout.INFO, " is not one xsbuild wrote for it, "
                    + "so ", SnapshotRequest.Field.KEEP, " neither counts nor removes it"));
        }
        snapshots.sort(Comparator.comparingLong(Snapshots::written).reversed()
                .thenComparing(Comparator.comparing(Path::toString).reversed()));
        String current = currentTarget();
        List<String> removed = new ArrayList<>();
        for (Path old : snapshots.subList(Math.min(keep, snapshots.size()), snapshots.size())) {
            String name = old.getFileName().toString();
            if (!name.equals(current)) {
                Path doomed = dir.resolve(STAGING + name + ".old-" + random());
                Files.move(old, doomed, StandardCopyOption.ATOMIC_MOVE);
                Directories.delete(doomed);
                removed.add(name);
            }
        }
        if (!removed.isEmpty()) {
            events.info("Removed " + removed.size() + " old snapshot" + (removed.size() == 1 ? "" : "s") + ": "
                    + String.join(", ", removed));
        }
        return removed;
    }

    @Override
    public void close() throws IOException {
        try {
            if (staging != null) {
                Directories.delete(staging);
            }
        } finally {
            lock.close();
        }
    }

    private String currentTarget() throws IOException {
        Path link = dir.resolve(CURRENT);
        return Files.isSymbolicLink(link) ? Files.readSymbolicLink(link).toString() : null;
    }

    /** Renames a new link to {@code target} over {@code current}, so that it is never missing. */
    private void pointCurrentAt(String target) throws IOException {
        Path link = dir.resolve(LINK_STAGING + random());
        Files.createSymbolicLink(link, Path.of(target));
        AtomicFiles.move(link, dir.resolve(CURRENT));
        Directories.sync(dir);
    }

    /** Staging directories, superseded snapshots and links that killed runs left, except what current names. */
    private void removeLeftovers() throws IOException {
        String current = currentTarget();
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if ((name.startsWith(STAGING) || name.startsWith(LINK_STAGING)) && !name.equals(current)) {
                    leftovers.add(child);
                }
            }
        }
        for (Path leftover : leftovers) {
            Directories.delete(leftover);
        }
    }


    private static long written(Path snapshot) {
        try {
            return Files.getLastModifiedTime(snapshot.resolve(SnapshotLayout.INFO)).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String random() {
        return Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    }
}
