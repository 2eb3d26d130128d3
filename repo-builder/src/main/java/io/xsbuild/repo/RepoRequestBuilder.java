package io.xsbuild.repo;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Compression;

/**
 * What every request that reads packages into repodata lets a caller set, with createrepo_c's
 * defaults (sha256, gzip, 10 changelog entries, a worker per core, a fresh run): the builders of
 * {@link RepoCreateRequest} and of snapshot requests share it.
 *
 * @param <B> the builder itself, which every setter returns
 */
public abstract class RepoRequestBuilder<B extends RepoRequestBuilder<B>> {

    protected String baseUrl = "";
    protected int changelogLimit = RepoCreateRequest.DEFAULT_CHANGELOG_LIMIT;
    protected ChecksumType checksumType = ChecksumType.SHA256;
    protected Compression compression = Compression.GZ;
    protected int workers = Runtime.getRuntime().availableProcessors();
    protected boolean update;
    protected boolean skipBad;
    protected boolean waitForLock;

    protected RepoRequestBuilder() {
    }

    /** This builder, as the type it is. */
    protected abstract B self();

    public B baseUrl(String value) {
        baseUrl = value;
        return self();
    }

    public B changelogLimit(int value) {
        changelogLimit = value;
        return self();
    }

    public B checksumType(ChecksumType value) {
        checksumType = value;
        return self();
    }

    public B compression(Compression value) {
        compression = value;
        return self();
    }

    public B workers(int value) {
        workers = value;
        return self();
    }

    public B update(boolean value) {
        update = value;
        return self();
    }

    public B skipBad(boolean value) {
        skipBad = value;
        return self();
    }

    public B waitForLock(boolean value) {
        waitForLock = value;
        return self();
    }
}
