package io.xsbuild.build.output;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Directories;
import io.xsbuild.container.ContainerException;
import io.xsbuild.error.FailedException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.io.AtomicFiles;
import io.xsbuild.profile.ContainerLayout;
import io.xsbuild.packages.RpmFile;
import io.xsbuild.packages.RpmQuery;
import io.xsbuild.session.SessionContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Brings a build's outputs out of its container through the engine's archive API: into a
 * staging directory inside OUT first, then each file renamed into {@code OUT/RPMS/<arch>/},
 * {@code OUT/SRPMS/} or {@code OUT/artifacts/}, so that OUT never holds half a file.
 */
public final class Collector {

    /** Copies out of the container into the staging directory. */
    @FunctionalInterface
    private interface Staging<T> {
        T fill(Path staging) throws IOException, XsbuildException;
    }

    private final Path out;

    public Collector(Path out) {
        this.out = out;
    }

    /** The source package {@code srpm} and the packages rpmbuild wrote below the top dir. */
    public Outputs packages(SessionContainer container, String srpm, String stagingName) throws XsbuildException {
        List<RpmFile> all = RpmQuery.query(container, ContainerLayout.TOPDIR, List.of("RPMS/*/*.rpm", srpm));
        List<RpmFile> rpms = all.stream().filter(f -> !f.path().equals(srpm)).toList();
        List<RpmFile> sources = all.stream().filter(f -> f.path().equals(srpm)).toList();
        if (sources.size() != 1) {
            throw new FailedException("Cannot read the header of " + srpm + " in container " + container.shortId());
        }
        return staged(stagingName, staging -> {
            if (!rpms.isEmpty()) {
                container.copyOut(ContainerLayout.TOPDIR + "/RPMS", staging);
            }
            container.copyOut(srpm, staging.resolve("SRPMS"));
            List<Artifact> built = new ArrayList<>();
            for (RpmFile rpm : rpms) {
                built.add(place(staging, rpm.path(), rpm.nevra()));
            }
            Artifact source = place(staging, "SRPMS/" + sources.get(0).fileName(), sources.get(0).nevra());
            return new Outputs(source, built, List.of());
        });
    }

    /** Every regular file below {@code containerDir}, into the folder of OUT named as it is; sorted by path. */
    public List<Artifact> files(SessionContainer container, String containerDir, String stagingName) throws XsbuildException {
        return staged(stagingName, staging -> {
            List<Artifact> files = new ArrayList<>();
            for (Path file : container.copyOut(containerDir, staging)) {
                String relative = staging.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                files.add(place(staging, relative, null));
            }
            files.sort(Comparator.comparing(Artifact::path));
            return files;
        });
    }

    private <T> T staged(String stagingName, Staging<T> work) throws XsbuildException {
        Path staging = out.resolve(".staging-" + stagingName);
        try {
            Directories.delete(staging);
            return work.fill(staging);
        } catch (IOException e) {
            throw new FailedException("Cannot write the build's files into " + out + ": " + e.getMessage(),
                    "is the output directory writable?", e);
        } finally {
            Directories.deleteQuietly(staging);
        }
    }

    private Artifact place(Path staging, String relative, String nevra) throws IOException, ContainerException {
        Path from = staging.resolve(relative);
        if (!Files.isRegularFile(from)) {
            throw new ContainerException("The archive of the build had no " + relative, null);
        }
        Path to = out.resolve(relative);
        Files.createDirectories(to.getParent());
        AtomicFiles.move(from, to);
        return new Artifact(relative, nevra, ChecksumType.SHA256.hex(to), Files.size(to));
    }
}
