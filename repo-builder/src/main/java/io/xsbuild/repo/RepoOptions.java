package io.xsbuild.repo;

import io.xsbuild.error.Phrase;
import io.xsbuild.error.Setting;
import io.xsbuild.error.UsageException;
import io.xsbuild.event.Events;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Compression;
import io.xsbuild.rpm.RpmReader;
import io.xsbuild.rpm.header.HeaderText;

import java.util.Objects;

/**
 * What every request that reads packages into repodata shares ({@link RepoCreateRequest} and
 * snapshot requests hold one): how packages are described, checked and compressed, how many are
 * read at once, and what becomes of unchanged and bad packages and of a run that finds the
 * directory locked.
 *
 * @param baseUrl        the {@code xml:base} of every package location, or "" for none
 * @param changelogLimit changelog entries kept per package, -1 for all
 * @param checksumType   the checksum of packages and metadata files
 * @param compression    the compression of the metadata files
 * @param workers        packages read at once
 * @param update         reuse what was published for packages found unchanged (what "unchanged" means is
 *                       each request's to say)
 * @param skipBad        publish without bad packages (a warning each) instead of stopping
 * @param waitForLock    wait for another run on the same directory to finish instead of failing
 */
public record RepoOptions(String baseUrl, int changelogLimit, ChecksumType checksumType, Compression compression,
                          int workers, boolean update, boolean skipBad, boolean waitForLock) {

    public static final int DEFAULT_CHANGELOG_LIMIT = 10;

    /** The options messages name. */
    public enum Field implements Setting { BASE_URL, CHANGELOG_LIMIT, WORKERS, SKIP_BAD, WAIT_FOR_LOCK }

    public RepoOptions {
        baseUrl = Objects.requireNonNullElse(baseUrl, "");
        Objects.requireNonNull(checksumType, "checksumType");
        Objects.requireNonNull(compression, "compression");
    }

    /** createrepo_c's defaults: sha256, gzip, 10 changelog entries, a worker per core, a fresh run. */
    public static RepoOptions defaults() {
        return builder().build();
    }

    /** Options with createrepo_c's defaults, to change one by one. */
    public static Builder builder() {
        return new Builder();
    }

    /** Fails with a usage error naming the option and its value unless the values can be used. */
    public void check() throws UsageException {
        if (workers < 1) {
            throw new UsageException(Phrase.of(Field.WORKERS, " ", workers, " is not a number of workers"),
                    Phrase.of("give 1 or more"));
        }
        if (changelogLimit < -1) {
            throw new UsageException(Phrase.of(Field.CHANGELOG_LIMIT, " ", changelogLimit, " is not a limit"),
                    Phrase.of("give 0 or more entries, or -1 for all"));
        }
        if (HeaderText.forbiddenCharacter(baseUrl) >= 0) {
            throw new UsageException(Phrase.of(Field.BASE_URL, " contains a control character"), Phrase.of("give a URL"));
        }
    }

    /** The reader of packages these options ask for: their checksum, changelog limit and base URL. */
    public RpmReader reader(Events events) {
        return new RpmReader(checksumType, changelogLimit, baseUrl, events::warn);
    }

    /** For the options a caller sets; the rest keep createrepo_c's defaults. */
    public static final class Builder {
        private String baseUrl = "";
        private int changelogLimit = DEFAULT_CHANGELOG_LIMIT;
        private ChecksumType checksumType = ChecksumType.SHA256;
        private Compression compression = Compression.GZ;
        private int workers = Runtime.getRuntime().availableProcessors();
        private boolean update;
        private boolean skipBad;
        private boolean waitForLock;

        private Builder() {
        }

        public Builder baseUrl(String value) {
            baseUrl = value;
            return this;
        }

        public Builder changelogLimit(int value) {
            changelogLimit = value;
            return this;
        }

        public Builder checksumType(ChecksumType value) {
            checksumType = value;
            return this;
        }

        public Builder compression(Compression value) {
            compression = value;
            return this;
        }

        public Builder workers(int value) {
            workers = value;
            return this;
        }

        public Builder update(boolean value) {
            update = value;
            return this;
        }

        public Builder skipBad(boolean value) {
            skipBad = value;
            return this;
        }

        public Builder waitForLock(boolean value) {
            waitForLock = value;
            return this;
        }

        public RepoOptions build() {
            return new RepoOptions(baseUrl, changelogLimit, checksumType, compression, workers, update, skipBad,
                    waitForLock);
        }
    }
}
