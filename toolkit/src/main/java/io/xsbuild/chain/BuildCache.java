package io.xsbuild.chain;

import io.xsbuild.build.output.Artifact;
import io.xsbuild.build.source.RpmbuildOptions;
import io.xsbuild.io.AtomicFiles;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Directories;
import io.xsbuild.packages.RpmFile;
import io.xsbuild.rpm.BadPackageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Packages built by earlier chains, kept by what they were built from: the input's checksum, the image's id,
 * the options, and the checksums of the packages of the chain it was built against. A build whose key is
 * here is not made again: its packages are taken from here. Entries are written whole (a temporary folder
 * renamed into place), so a killed run leaves none half made.
 */
final class BuildCache {

    private final Path root;

    /** @param root {@code ${XDG_CACHE_HOME:-~/.cache}/xsbuild/chain} */
    BuildCache(Path root) {
        this.root = root;
    }

    /**
     * The key of a build.
     *
     * @param against the sha256 of every package of the chain's repository it may install: what its
     *                dependencies in the chain made
     */
    static String key(ChainNode node, String imageId, String profile, RpmbuildOptions options, boolean network,
                      List<String> against) {
        List<String> parts = new ArrayList<>(List.of("xsbuild-chain-cache/1", node.name(), node.inputHash(), imageId,
                profile, String.join("\u0001", options.arguments()), Boolean.toString(network)));
        parts.addAll(against.stream().sorted().toList());
        return ChecksumType.SHA256.hex(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** What a cache entry holds: the source package and the binary packages, as paths relative to it. */
    record Entry(Path dir, String srpm, List<String> rpms) {
    }

    Optional<Entry> find(String key) {
        Path dir = root.resolve(key.substring(0, 2)).resolve(key);
        Path srpms = dir.resolve("SRPMS");
        if (!Files.isDirectory(srpms)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(srpms); Stream<Path> r = Files.walk(dir.resolve("RPMS"))) {
            List<Path> source = s.filter(p -> p.toString().endsWith(".src.rpm")).toList();
            if (source.size() != 1) {
                return Optional.empty();
            }
            List<String> rpms = r.filter(p -> p.toString().endsWith(".rpm")).map(p -> relative(dir, p)).sorted().toList();
            return Optional.of(new Entry(dir, relative(dir, source.get(0)), rpms));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Keeps a successful build's files, copied from OUT. */
    void store(String key, Path out, Artifact srpm, List<Artifact> rpms) throws IOException {
        Path dir = root.resolve(key.substring(0, 2)).resolve(key);
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.getParent());
        Path staging = Files.createTempDirectory(dir.getParent(), key + ".tmp-");
        try {
            List<Artifact> all = new ArrayList<>(rpms);
            all.add(srpm);
            for (Artifact a : all) {
                Path target = staging.resolve(a.path());
                Files.createDirectories(target.getParent());
                Files.copy(out.resolve(a.path()), target, StandardCopyOption.COPY_ATTRIBUTES);
            }
            try {
                Files.move(staging, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                // another chain stored the same build first: the same files
            }
        } finally {
            Directories.deleteQuietly(staging);
        }
    }

    /** Copies an entry's files into OUT, in the places a build would put them. */
    static List<Artifact> restore(Entry entry, Path out, List<String> files) throws IOException, BadPackageException {
        List<Artifact> placed = new ArrayList<>();
        for (String file : files) {
            Path target = out.resolve(file);
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".restore-", ".rpm");
            Files.copy(entry.dir().resolve(file), temp, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.move(temp, target);
            placed.add(new Artifact(file, RpmFile.read(target, file).nevra(), ChecksumType.SHA256.hex(target), Files.size(target)));
        }
        return placed;
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }
}
