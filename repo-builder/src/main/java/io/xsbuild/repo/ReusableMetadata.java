package io.xsbuild.repo;

import io.xsbuild.event.Events;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.repo.xml.PublishedPackages;
import io.xsbuild.rpm.FileFacts;
import io.xsbuild.rpm.Location;
import io.xsbuild.rpm.RpmPackage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The published metadata {@code --update} reuses: walked once, side by side with the package
 * files (both in {@link PackageOrder}), so only the package at hand is in memory. A package is
 * reused when its file has the size and modification time the metadata records, the checksum
 * type is the one asked for, and its changelog fits the limit; anything else is read again.
 * Metadata that cannot be read means reading every package, after a warning.
 */
public final class ReusableMetadata implements AutoCloseable {

    private final PublishedPackages published;
    private final ChecksumType checksumType;
    private final int changelogLimit;
    private final String baseUrl;
    private final Events events;
    private RpmPackage current;
    private boolean failed;

    private ReusableMetadata(PublishedPackages published, ChecksumType checksumType, int changelogLimit,
                             String baseUrl, Events events) {
        this.published = published;
        this.checksumType = checksumType;
        this.changelogLimit = changelogLimit;
        this.baseUrl = baseUrl;
        this.events = events;
    }

    /** The metadata published under {@code request}'s out directory, or null when there is none to reuse. */
    static ReusableMetadata open(RepoCreateRequest request, Events events) {
        return open(request.outDir(), request.checksumType(), request.changelogLimit(), request.baseUrl(), events);
    }

    /**
     * The metadata published in {@code repoDir/repodata}, or null when there is none to reuse.
     *
     * @param checksumType   the checksum type packages are to be published with
     * @param changelogLimit the changelog entries packages are to keep, -1 for all
     * @param baseUrl        the base URL reused packages are to be published under
     */
    public static ReusableMetadata open(Path repoDir, ChecksumType checksumType, int changelogLimit, String baseUrl,
                                        Events events) {
        if (!Files.exists(repoDir.resolve("repodata").resolve("repomd.xml"))) {
            events.info("No published repodata in " + repoDir + " to update: reading every package");
            return null;
        }
        try {
            return new ReusableMetadata(PublishedPackages.open(repoDir), checksumType, changelogLimit, baseUrl, events);
        } catch (IOException e) {
            events.warn("Cannot reuse the published repodata (" + e.getMessage() + "): reading every package");
            return null;
        }
    }

    /** The published package for {@code file}, ready to write again, or null when the file must be read. */
    RpmPackage reuse(PackageFile file) {
        return reusable(published(file.href(), file.size(), file.mtime()), file.href());
    }

    /**
     * {@code candidate} (from {@link #published}) ready to be written again at {@code href}, or null
     * when there is none or its metadata does not fit what is asked (a longer changelog than the limit).
     */
    public RpmPackage reusable(RpmPackage candidate, String href) {
        if (candidate == null || changelogLimit != -1 && candidate.changelogs().size() > changelogLimit) {
            return null;
        }
        return candidate.withFile(candidate.facts(), new Location(href, baseUrl));
    }

    /**
     * The package published at {@code href} as it was published, when its file had {@code size}
     * bytes and modification time {@code mtime} and was hashed with the checksum type asked for;
     * else null. Hrefs must be asked for in {@link PackageOrder}.
     */
    public RpmPackage published(String href, long size, long mtime) {
        try {
            while (!failed && (current == null || PackageOrder.HREFS.compare(current.location().href(), href) < 0)) {
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
        if (failed || !current.location().href().equals(href)) {
            return null;
        }
        RpmPackage candidate = current;
        current = null;
        FileFacts facts = candidate.facts();
        boolean same = facts.size() == size && facts.mtime() == mtime && facts.checksumType() == checksumType;
        return same ? candidate : null;
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
