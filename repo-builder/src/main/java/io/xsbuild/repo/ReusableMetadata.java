package io.xsbuild.repo;

import io.xsbuild.event.Events;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.repo.PackagePipeline.Fetched;
import io.xsbuild.repo.xml.PublishedPackages;
import io.xsbuild.repo.xml.PublishedPackages.Published;
import io.xsbuild.rpm.FileFacts;
import io.xsbuild.rpm.Location;
import io.xsbuild.rpm.RpmPackage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The published metadata {@code --update} reuses: walked once, side by side with the package
 * files (both in {@link PackageOrder}), so only the package at hand is in memory. A package is
 * reused when its file has the size and modification time the metadata records, the checksum
 * type is the one asked for, and its changelog fits the limit; anything else is read again. A
 * reused package's entries are written again byte for byte as they were published, unless it is
 * to be published under another base URL. Metadata that cannot be read means reading every
 * package, after a warning.
 */
public final class ReusableMetadata implements AutoCloseable {

    private final PublishedPackages published;
    private final ChecksumType checksumType;
    private final int changelogLimit;
    private final String baseUrl;
    private final Events events;
    private Published current;
    private boolean failed;
    private long walked;
    private boolean consumed;

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
        return open(request.outDir(), request.options(), events);
    }

    /**
     * The metadata published in {@code repoDir/repodata}, or null when there is none to reuse.
     *
     * @param options the checksum type, changelog limit and base URL packages are to be published with
     */
    public static ReusableMetadata open(Path repoDir, RepoOptions options, Events events) {
        if (!Files.exists(repoDir.resolve("repodata").resolve("repomd.xml"))) {
            events.info("No published repodata in " + repoDir + " to update: reading every package");
            return null;
        }
        try {
            return new ReusableMetadata(PublishedPackages.open(repoDir), options.checksumType(), options.changelogLimit(),
                    options.baseUrl(), events);
        } catch (IOException e) {
            events.warn("Cannot reuse the published repodata (" + e.getMessage() + "): reading every package");
            return null;
        }
    }

    /** The published package for {@code file}, ready to write again, or null when the file must be read. */
    Fetched reuse(PackageFile file) {
        Published candidate = published(file.href(), file.size(), file.mtime());
        return reusable(candidate) ? reused(candidate, file.href()) : null;
    }

    /**
     * Whether every one of {@code files} (in {@link PackageOrder}) would be reused and published as
     * it was, and nothing else is published: then the metadata to write is the published metadata.
     * Consumes this walk.
     */
    boolean unchanged(List<PackageFile> files) {
        if (published.declared() != files.size()) {
            return false;
        }
        consumed = true;
        for (PackageFile file : files) {
            Published candidate = published(file.href(), file.size(), file.mtime());
            if (!reusable(candidate) || !candidate.location().base().equals(baseUrl)) {
                return false;
            }
        }
        try {
            return !failed && walked == files.size() && published.next() == null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether {@link #unchanged} walked the metadata (which must then be opened again to be reused). */
    boolean consumed() {
        return consumed;
    }

    /** Whether {@code candidate} (from {@link #published}) may be written again: there is one, and its changelog fits the limit. */
    public boolean reusable(Published candidate) {
        return candidate != null && (changelogLimit == -1 || candidate.changelogs() <= changelogLimit);
    }

    /**
     * {@code candidate}, which is {@link #reusable}, to be written again at {@code href}: its
     * entries as published, or, under another base URL, the package parsed from them. Null when
     * they cannot be parsed (a warning says so): the package is then to be read.
     */
    public Fetched reused(Published candidate, String href) {
        Location location = new Location(href, baseUrl);
        if (candidate.location().equals(location)) {
            return Fetched.asPublished(candidate.entries());
        }
        try {
            RpmPackage parsed = candidate.parse();
            return Fetched.reused(parsed.withFile(parsed.facts(), location));
        } catch (IOException e) {
            events.warn("Cannot reuse the published metadata of " + href + " (" + e.getMessage() + "): reading it");
            return null;
        }
    }

    /**
     * The package published at {@code href} as it was published, when its file had {@code size}
     * bytes and modification time {@code mtime} and was hashed with the checksum type asked for;
     * else null. Hrefs must be asked for in {@link PackageOrder}.
     */
    public Published published(String href, long size, long mtime) {
        try {
            while (!failed && (current == null || PackageOrder.HREFS.compare(current.location().href(), href) < 0)) {
                current = published.next();
                if (current == null) {
                    failed = true;
                } else {
                    walked++;
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
        Published candidate = current;
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
