package io.xsbuild.chain;

import io.xsbuild.error.FailedException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Directories;
import io.xsbuild.repo.RepoCreateRequest;
import io.xsbuild.repo.RepoCreator;
import io.xsbuild.repo.RepoOptions;
import io.xsbuild.repository.Repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The chain's own repository: the binary packages its finished builds made (or reused), published with
 * xsbuild's repo-builder after each one ({@code --update}: only the new files are read; the swap is atomic),
 * so that a dependent's BuildRequires come from it. It is first in priority in every build of the chain.
 */
final class ChainRepo {

    /** Its id in the build containers' configuration. */
    static final String ID = "xsbuild-chain";

    private final Path dir;
    private final Events events;
    private Repository current;

    ChainRepo(Path dir, Events events) {
        this.dir = dir;
        this.events = events;
    }

    /** Empties it (a chain starts with none of its packages) and publishes it empty. */
    synchronized void reset() throws XsbuildException {
        try {
            Directories.delete(dir);
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new FailedException("Cannot make the chain's repository " + dir + ": " + e.getMessage(), e);
        }
        publish();
    }

    /** Adds these packages (files on the host) and publishes; returns the repository as it now is. */
    synchronized Repository add(List<Path> rpms) throws XsbuildException {
        try {
            for (Path rpm : rpms) {
                Path target = dir.resolve(rpm.getFileName());
                Files.deleteIfExists(target);
                try {
                    Files.createLink(target, rpm);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(rpm, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new FailedException("Cannot add packages to the chain's repository " + dir + ": " + e.getMessage(), e);
        }
        return publish();
    }

    /** The repository as it now is: its repomd.xml's checksum changes with each publish. */
    synchronized Repository current() {
        return current;
    }

    Path dir() {
        return dir;
    }

    private Repository publish() throws XsbuildException {
        // Superseded metadata stays: a build that is reading the repository (mounted, or being copied into a
        // container of another machine) while a package is published finds every file its repomd.xml names.
        new RepoCreator(Events.NONE).create(RepoCreateRequest.builder(dir)
                .options(RepoOptions.builder().update(true).waitForLock(true).build()).retainOldMetadata(Integer.MAX_VALUE).build());
        try {
            current = new Repository(ID, "the chain's packages", dir.toAbsolutePath().normalize(), null,
                    ChecksumType.SHA256.hex(dir.resolve("repodata/repomd.xml")));
        } catch (IOException e) {
            throw new FailedException("Cannot read the chain's repository " + dir + ": " + e.getMessage(), e);
        }
        events.debug("Published the chain's repository " + dir + " (repomd.xml " + current.repomdSha256() + ")");
        return current;
    }
}
