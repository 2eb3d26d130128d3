package io.xsbuild.repository;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A yum repository a run reads besides its profile's: a directory on this machine, or a remote baseurl.
 * It is identified by the checksum of its {@code repodata/repomd.xml}, which changes whenever its content
 * does.
 *
 * @param id           its id in the package manager's configuration
 * @param given        what the user typed, for messages
 * @param dir          the directory, for a local repository; else null
 * @param url          the baseurl, for a remote repository; else null
 * @param repomdSha256 the checksum of its repomd.xml as read when the run started
 */
public record Repository(String id, String given, Path dir, URI url, String repomdSha256) {

    public Repository {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(given, "given");
        Objects.requireNonNull(repomdSha256, "repomdSha256");
        if ((dir == null) == (url == null)) {
            throw new IllegalArgumentException("a repository is a directory or a URL");
        }
    }

    public boolean local() {
        return dir != null;
    }

    /** The id and, where it differs, what the user typed: {@code xsbuild (/srv/xs/current)}. */
    public String describe() {
        return id.equals(given) ? id : id + " (" + given + ")";
    }
}
