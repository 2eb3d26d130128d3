package io.xsbuild.build.output;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Directories;
import io.xsbuild.container.ContainerException;
import io.xsbuild.error.FailedException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.io.AtomicFiles;
import io.xsbuild.profile.ContainerLayout;
import io.xsbuild.packages.RpmFile;
import io.xsbuild.rpm.BadPackageException;
import io.xsbuild.session.SessionContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

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

    /** A package rpmbuild wrote, RPMS/ARCH/FILE.rpm, neither ARCH nor FILE hidden: what a shell glob would match. */
    private static final Pattern BUILT_PACKAGE = Pattern.compile("RPMS/[^/.][^/]*/[^/.][^/]*\\.rpm");

    private final Path out;

    public Collector(Path out) {
        this.out = out;
    }

    /**
     * The source package {@code srpm} and the packages rpmbuild wrote in the top dir's
     * {@code RPMS/ARCH/}: copied out, identified by their headers, then placed. A package whose
     * header cannot be read fails the collection before any file is placed.
     */
    public Outputs packages(SessionContainer container, String srpm, String stagingName) throws XsbuildException {
        return staged(stagingName, staging -> {
            List<String> built = new ArrayList<>();
            for (Path file : container.copyOut(ContainerLayout.TOPDIR + "/RPMS", staging)) {
                String relative = relative(staging, file);
                if (BUILT_PACKAGE.matcher(relative).matches()) {
                    built.add(relative);
                }
            }
            built.sort(Comparator.naturalOrder());
            container.copyOut(srpm, staging.resolve("SRPMS"));
            String source = "SRPMS/" + srpm.substring(srpm.lastIndexOf('/') + 1);
            RpmFile sourceHeader = header(container, staging, source);
            List<RpmFile> headers = new ArrayList<>();
            for (String rpm : built) {
                headers.add(header(container, staging, rpm));
            }
            List<Artifact> rpms = new ArrayList<>();
            for (RpmFile rpm : headers) {
                rpms.add(place(staging, rpm.path(), rpm.nevra()));
            }
            return new Outputs(place(staging, source, sourceHeader.nevra()), rpms, List.of());
        });
    }

    /** The header of a package copied into the staging directory; a failed build when it is no package. */
    private static RpmFile header(SessionContainer container, Path staging, String relative)
            throws IOException, XsbuildException {
        try {
            return RpmFile.read(copied(staging, relative), relative);
        } catch (BadPackageException e) {
            throw new FailedException("Cannot read the header of " + relative + " from container " + container.shortId()
                    + ": " + e.problem(), e);
        }
    }

    /** A file the archive of the build brought into the staging directory. */
    private static Path copied(Path staging, String relative) throws ContainerException {
        Path file = staging.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new ContainerException("The archive of the build had no " + relative, null);
        }
        return file;
    }

    private static String relative(Path staging, Path file) {
        return staging.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** Every regular file below {@code containerDir}, into the folder of OUT named as it is; sorted by path. */
    public List<Artifact> files(SessionContainer container, String containerDir, String stagingName) throws XsbuildException {
        return staged(stagingName, staging -> {
            List<Artifact> files = new ArrayList<>();
            for (Path file : container.copyOut(containerDir, staging)) {
                files.add(place(staging, relative(staging, file), null));
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
        Path from = copied(staging, relative);
        Path to = out.resolve(relative);
        Files.createDirectories(to.getParent());
        AtomicFiles.move(from, to);
        return new Artifact(relative, nevra, ChecksumType.SHA256.hex(to), Files.size(to));
    }
}
