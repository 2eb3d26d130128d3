package io.xsbuild.repo;

import io.xsbuild.event.Events;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code .repodata.lock} in the directory a run publishes into (beside
 * repodata/, or among snapshots), held for a whole run so that two runs on one directory never
 * interleave. The file stays after the run (removing a lock file invites races); the lock goes
 * with the process, however it ends.
 */
public final class RepoLock implements AutoCloseable {

    static final String FILE_NAME = ".repodata.lock";
    private static final long POLL_MILLIS = 200;

    private final FileChannel channel;
    private final FileLock lock;

    private RepoLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static RepoLock acquire(Path outDir, boolean wait, Events events) throws IOException, RepoLockedException {
        return acquire(outDir, outDir.resolve("repodata"), wait, events);
    }

    /**
     * Locks {@code dir}, waiting for another run to finish when {@code wait}, else failing with a
     * message that says it is publishing {@code published}.
     */
    public static RepoLock acquire(Path dir, Path published, boolean wait, Events events)
            throws IOException, RepoLockedException {
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = tryLock(channel);
            if (lock == null && !wait) {
                throw new RepoLockedException(published, file);
            }
            if (lock == null) {
                events.info("Waiting for the run that holds " + file + " to finish");
            }
            while (lock == null) {
                Thread.sleep(POLL_MILLIS);
                lock = tryLock(channel);
            }
            return new RepoLock(channel, lock);
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + file);
        } catch (IOException | RepoLockedException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
