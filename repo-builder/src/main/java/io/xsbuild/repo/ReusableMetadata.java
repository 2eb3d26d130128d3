package io.xsbuild.repo;

import io.xsbuild.event.Events;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.repo.xml.PublishedPackages;
import io.xsbuild.rpm.Location;
import io.xsbuild.rpm.RpmPackage;

import java.io.IOException;
import java.nio.file.Files;

/**
 * The published metadata {@code --update} reuses: walked once, side by side with the package
 * files (both in {@link PackageOrder}), so only the package at hand is in memory. A package is
 * reused when its file has the size and modification time the metadata records, the checksum
 * type is the one asked for, and its changelog fits the limit; anything else is read again.
 * Metadata that cannot be read means reading every package, after a warning.
 */
final class ReusableMetadata implements AutoCloseable {

    private final PublishedPackages published;
    private final ChecksumType checksumType;
    private final int changelogLimit;
    private final String baseUrl;
    private final Events events;
    private RpmPackage current;
    private boolean failed;

    private ReusableMetadata(PublishedPackages published, RepoCreateRequest request, Events events) {
        this.published = published;
        this.checksumType = request.checksumType();
        this.changelogLimit = request.changelogLimit();
        this.baseUrl = request.baseUrl();
        this.events = events;
    }

    /** The metadata published under {@code outDir}, or null when there is none to reuse. */
    static ReusableMetadata open(RepoCreateRequest request, Events events) {
        if (!Files.exists(request.outDir().resolve("repodata").resolve("repomd.xml"))) {
            events.info("No published repodata in " + request.outDir() + " to update: reading every package");
            return null;
        }
        try {
            return new ReusableMetadata(PublishedPackages.open(request.outDir()), request, events);
        } catch (IOException e) {
            events.warn("Cannot reuse the published repodata (" + e.getMessage() + "): reading every package");
            return null;
        }
    }

    /** The published package for {@code file}, ready to write again, or null when the file must be read. */
    RpmPackage reuse(PackageFile file) {
        try {
            while (!failed && (current == null || PackageOrder.HREFS.compare(current.location().href(), file.href()) < 0)) {
                current = published.next();
                if (current == null) {
                    failed = true;
                }
            }
        } catch (IOException e) {
            events.warn("Cannot reuse the rest of the published repodata (" + e.getMessage()
                    + "): reading the remaining packages");
            failed = true;
        }
        if (failed || !current.location().href().equals(file.href())) {
            return null;
        }
        RpmPackage candidate = current;
        current = null;
        if (candidate.facts().size() != file.size() || candidate.facts().mtime() != file.mtime()
                || candidate.facts().checksumType() != checksumType
                || changelogLimit != -1 && candidate.changelogs().size() > changelogLimit) {
            return null;
        }
        return candidate.withFile(candidate.facts(), new Location(file.href(), baseUrl));
    }

    @Override
    public void close() {
        try {
            published.close();
        } catch (IOException ignored) {
            // read-only; nothing is lost
        }
    }
}
