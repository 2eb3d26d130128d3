package io.xsbuild.rpm;

import java.util.List;
import java.util.Objects;

/**
 * A package as repodata describes it: the one record that goes from the header reader to the
 * metadata writers, and back from published metadata on {@code --update}. Text fields are never
 * null (absent is ""). {@link #file()} and {@link #location()} are null for a package made from
 * its header alone and set once the file it came from has been read.
 *
 * @param epoch         the epoch as repodata writes it, "0" when the header has none
 * @param buildTime     seconds since the epoch
 * @param installedSize bytes the package's files take once installed
 * @param archiveSize   bytes of the uncompressed payload
 * @param changelogs    oldest first, at most the limit the package was read with
 */
public record RpmPackage(String name, String arch, String epoch, String version, String release,
                         String summary, String description, String packager, String url, long buildTime,
                         String license, String vendor, String group, String buildHost, String sourceRpm,
                         long installedSize, long archiveSize, Dependencies dependencies, List<FileEntry> files,
                         List<Changelog> changelogs, FileFacts file, Location location) {

    public RpmPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(release, "release");
        summary = Objects.requireNonNullElse(summary, "");
        description = Objects.requireNonNullElse(description, "");
        packager = Objects.requireNonNullElse(packager, "");
        url = Objects.requireNonNullElse(url, "");
        license = Objects.requireNonNullElse(license, "");
        vendor = Objects.requireNonNullElse(vendor, "");
        group = Objects.requireNonNullElse(group, "");
        buildHost = Objects.requireNonNullElse(buildHost, "");
        sourceRpm = Objects.requireNonNullElse(sourceRpm, "");
        Objects.requireNonNull(dependencies, "dependencies");
        files = List.copyOf(files);
        changelogs = List.copyOf(changelogs);
    }

    /** This package as found in a file: its checksum, size, time and header range, and where it is. */
    public RpmPackage withFile(FileFacts facts, Location where) {
        return new RpmPackage(name, arch, epoch, version, release, summary, description, packager, url, buildTime,
                license, vendor, group, buildHost, sourceRpm, installedSize, archiveSize, dependencies, files,
                changelogs, Objects.requireNonNull(facts, "facts"), Objects.requireNonNull(where, "where"));
    }

    /** The package id repodata keys it by: the checksum of the whole file. */
    public String pkgid() {
        return facts().checksum();
    }

    /** The file facts, which a package must have to be written to repodata. */
    public FileFacts facts() {
        if (file == null || location == null) {
            throw new IllegalStateException(nevra() + " has not been read from a file");
        }
        return file;
    }

    /** name-epoch:version-release.arch, for messages. */
    public String nevra() {
        return name + "-" + epoch + ":" + version + "-" + release + "." + arch;
    }
}
