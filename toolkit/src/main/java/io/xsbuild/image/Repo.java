package io.xsbuild.image;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.container.Mount;
import io.xsbuild.error.UsageException;
import io.xsbuild.profile.ContainerLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A yum repository on the host, given with {@code --repo}: mounted read-only in build containers,
 * and identified by the checksum of its {@code repodata/repomd.xml}, which changes whenever its
 * content does.
 */
public record Repo(Path dir, String repomdSha256) {

    public static Repo at(Path dir) throws UsageException {
        Path repomd = dir.resolve("repodata").resolve("repomd.xml");
        if (!Files.isDirectory(dir)) {
            throw new UsageException("No repository at " + dir, "--repo names a directory with repodata/ in it");
        }
        if (!Files.isRegularFile(repomd)) {
            throw new UsageException("No repodata/repomd.xml in " + dir,
                    "make its metadata first (createrepo_c " + dir + ")");
        }
        try {
            return new Repo(dir.toAbsolutePath().normalize(), ChecksumType.SHA256.hex(repomd));
        } catch (IOException e) {
            throw new UsageException("Cannot read " + repomd + ": " + e.getMessage());
        }
    }

    /** The repository where every image expects it. */
    public Mount mount() {
        return Mount.readOnly(dir, ContainerLayout.REPO_MOUNT);
    }
}
