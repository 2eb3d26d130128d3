package io.xsbuild.git;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A git work tree and the commit checked out in it (HEAD): what a build reads. Opened by
 * {@link Checkouts}; closing it releases the repository, never the files.
 */
public final class Checkout implements AutoCloseable {

    private final Repository repo;
    private final String location;
    private final Path subdirectory;
    private final RevCommit head;

    /**
     * @param subdirectory where in the work tree the path the user named is ({@code ""} for its top)
     */
    Checkout(Repository repo, String location, Path subdirectory) throws GitException {
        this.repo = repo;
        this.location = location;
        this.subdirectory = subdirectory;
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId id = repo.resolve("HEAD^{commit}");
            if (id == null) {
                throw new GitException(GitException.Kind.USAGE, location, location + " has no commit checked out",
                        "commit something first", null);
            }
            this.head = walk.parseCommit(id);
        } catch (IOException e) {
            throw GitException.unreadable(location, e);
        }
    }

    /** The path or URL the user named. */
    public String location() {
        return location;
    }

    /** The repository's name, as its location ends ({@link #nameOf}). */
    public String name() {
        return nameOf(location);
    }

    /**
     * A repository's name, as its path or URL ends: {@code xcp-networkd} for {@code /src/xcp-networkd},
     * {@code https://example.com/org/xcp-networkd.git} or {@code git@example.com:xcp-networkd}.
     */
    public static String nameOf(String location) {
        String path = location.replaceAll("/+$", "").replaceAll("\\.git$", "").replaceAll("/+$", "");
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf(':')) + 1);
        return name.isEmpty() ? "checkout" : name;
    }

    public Path workTree() {
        return repo.getWorkTree().toPath();
    }

    /**
     * The directory the user named, in this work tree: its top, or the folder of one package in a checkout
     * of several ({@code xsbuild build ~/src/packages/xapi}).
     */
    public Path directory() {
        return workTree().resolve(subdirectory).normalize();
    }

    /** The full id of the commit checked out. */
    public String commitId() {
        return head.name();
    }

    /** The committer time of the commit checked out, in seconds since the epoch: the build's SOURCE_DATE_EPOCH. */
    public long commitTime() {
        return head.getCommitTime();
    }

    /**
     * Whether tracked files differ from the commit, in the index or the work tree, as
     * {@code git describe --dirty} decides: untracked files do not count.
     */
    public boolean isDirty() throws GitException {
        try (Git git = Git.wrap(repo)) {
            return git.status().call().hasUncommittedChanges();
        } catch (GitAPIException e) {
            throw GitException.unreadable(location, e);
        }
    }

    /** {@code git describe --tags [--match] [--always]} of the commit, with {@code -dirty} when {@code dirty}. */
    public Description describe(DescribeOptions options, boolean dirty) throws GitException {
        return new Describer(repo, location).describe(head, options, dirty);
    }

    /**
     * Writes the commit as a reproducible tar.gz ({@link ReproducibleTarGz}) with every path under
     * {@code prefix}: what {@code git archive --prefix=PREFIX HEAD | gzip -n} holds.
     */
    public void archiveCommit(String prefix, OutputStream out) throws GitException {
        archive(head, prefix, Map.of(ReproducibleTarGz.MTIME, commitTime(), ReproducibleTarGz.COMMIT, commitId()), out);
    }

    /**
     * Writes the tracked files as they are in the work tree, changes included, as the same tar.gz; entry
     * times are still the commit time. The snapshot's blobs are written to the object database as
     * {@code git stash create} writes them; refs, index and files stay as they are.
     */
    public void archiveWorkTree(String prefix, OutputStream out) throws GitException {
        try {
            ObjectId tree = new WorkTree(repo).writeTree();
            archive(tree, prefix, Map.of(ReproducibleTarGz.MTIME, commitTime()), out);
        } catch (IOException e) {
            throw GitException.unreadable(location, e);
        }
    }

    private void archive(ObjectId treeish, String prefix, Map<String, Object> options, OutputStream out) throws GitException {
        try (Git git = Git.wrap(repo)) {
            git.archive()
                    .setFormat(ReproducibleTarGz.register())
                    .setFormatOptions(options)
                    .setPrefix(prefix)
                    .setTree(treeish)
                    .setOutputStream(out)
                    .call();
        } catch (GitAPIException | JGitInternalException e) {
            throw GitException.unreadable(location, e);
        }
    }

    /** The paths git tracks that exist in the work tree, in git's order. */
    public List<String> trackedFiles() throws GitException {
        try {
            return new WorkTree(repo).trackedFiles();
        } catch (IOException e) {
            throw GitException.unreadable(location, e);
        }
    }

    /**
     * Copies the tracked files, as they are in the work tree, below {@code target}: the copy a
     * {@code --make} build runs in. Returns the submodule paths, which are not copied.
     */
    public List<String> copyTrackedFiles(Path target) throws GitException {
        try {
            return new WorkTree(repo).copyTrackedFiles(target);
        } catch (IOException e) {
            throw GitException.unreadable(location, e);
        }
    }

    @Override
    public void close() {
        repo.close();
    }
}
