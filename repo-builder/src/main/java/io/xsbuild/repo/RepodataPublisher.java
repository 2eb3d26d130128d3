package io.xsbuild.repo;

import io.xsbuild.io.AtomicFiles;
import io.xsbuild.io.Directories;
import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.repomd.RepomdRecord;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publishes metadata written to a staging directory beside repodata/ so that, whenever the
 * process is killed, {@code repodata/repomd.xml} is the old one or the new one and every file it
 * names is there and complete: the new metadata files (named by checksum, so never the old ones'
 * names unless the content is the same) move into repodata/ first, then repomd.xml is renamed
 * over the old one, and only then are superseded files removed. With no repodata/ yet, the
 * staging directory is renamed into place. Callers hold the {@link RepoLock}.
 */
final class RepodataPublisher {

    static final String STAGING_PREFIX = ".repodata.tmp-";
    /** The metadata files xsbuild and createrepo_c write: checksum, type, format and compression. */
    private static final Pattern METADATA = Pattern.compile(
            "[0-9a-f]{32,128}-(((primary|filelists|other)\\.(xml|sqlite)|comps\\.xml)(\\.[a-z0-9]+)?)");

    private final Path outDir;
    private final Path repodata;

    RepodataPublisher(Path outDir) {
        this.outDir = outDir;
        this.repodata = outDir.resolve("repodata");
    }

    Path repodata() {
        return repodata;
    }

    /** Removes what killed runs left behind. */
    void removeLeftovers() throws IOException {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(outDir, STAGING_PREFIX + "*")) {
            for (Path dir : dirs) {
                Directories.delete(dir);
            }
        }
    }

    /** A new staging directory, with the permissions the umask gives (it may become repodata/). */
    Path stage() throws IOException {
        while (true) {
            Path dir = outDir.resolve(STAGING_PREFIX + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
            try {
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                // another name, then
            }
        }
    }

    /**
     * Makes the staged metadata the published one and keeps the newest {@code retain} superseded
     * files of each kind.
     */
    void publish(Path staging, Repomd repomd, int retain) throws IOException {
        for (RepomdRecord r : repomd.records()) {
            sync(staging.resolve(r.fileName()));
        }
        sync(staging.resolve(Repomd.FILE_NAME));
        if (!Files.isDirectory(repodata)) {
            Files.move(staging, repodata, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        for (RepomdRecord r : repomd.records()) {
            Path published = repodata.resolve(r.fileName());
            if (Files.exists(published)) {
                Files.delete(staging.resolve(r.fileName()));
            } else {
                Files.move(staging.resolve(r.fileName()), published, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        AtomicFiles.move(staging.resolve(Repomd.FILE_NAME), repodata.resolve(Repomd.FILE_NAME));
        Directories.sync(repodata);
        prune(repomd, retain);
        Directories.delete(staging);
    }

    /** Removes a staging directory that is not to be published. */
    void discard(Path staging) throws IOException {
        if (Files.exists(staging)) {
            Directories.delete(staging);
        }
    }

    private void prune(Repomd repomd, int retain) throws IOException {
        Set<String> current = new HashSet<>();
        repomd.records().forEach(r -> current.add(r.fileName()));
        Map<String, List<Path>> superseded = new LinkedHashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(repodata)) {
            for (Path file : files) {
                Matcher m = METADATA.matcher(file.getFileName().toString());
                if (m.matches() && !current.contains(file.getFileName().toString())) {
                    superseded.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(file);
                }
            }
        }
        for (List<Path> kind : superseded.values()) {
            kind.sort(Comparator.comparing(RepodataPublisher::mtime).reversed().thenComparing(Path::toString));
            for (Path old : kind.subList(Math.min(retain, kind.size()), kind.size())) {
                Files.deleteIfExists(old);
            }
        }
    }

    private static long mtime(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

}
