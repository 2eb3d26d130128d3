package io.xsbuild.git;

import io.xsbuild.build.source.BuildRequest;
import io.xsbuild.error.Phrase;
import io.xsbuild.event.Events;
import io.xsbuild.files.CacheHome;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.util.FileUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Opens what a build names: a local checkout in place, or a repository (a URL, or a local checkout
 * built at another {@code --ref}) fetched into a cache directory of its own and checked out, detached,
 * at the ref. A cached clone is fetched again on every use, so it follows its remote.
 */
public final class Checkouts {

    private static final Pattern URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.+|^[^/:]+@[^/:]+:.+");
    private static final String REMOTE = "origin";

    private final Path cacheRoot;
    private final Events events;

    public Checkouts(Path cacheRoot, Events events) {
        this.cacheRoot = cacheRoot;
        this.events = events;
    }

    /** {@code ${XDG_CACHE_HOME:-$HOME/.cache}/xsbuild/git}, from the given environment. */
    public static Path defaultCacheRoot(Map<String, String> env) {
        return CacheHome.of(env).resolve("git");
    }

    /** Whether {@code location} is a git URL ({@code scheme://...} or {@code user@host:path}) rather than a path. */
    public static boolean isUrl(String location) {
        return URL.matcher(location).matches();
    }

    /** Where the clone of {@code url} is kept. */
    public Path cacheDir(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return cacheRoot.resolve(HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens {@code location} at {@code ref}. A path without a ref is opened in place, work tree and all; a
     * URL, or a path with a ref, is fetched into the cache and checked out at the ref (the remote's HEAD
     * when {@code ref} is null).
     */
    public Checkout open(String location, String ref) throws GitException {
        if (isUrl(location)) {
            return fetch(location, location, ref, Path.of(""));
        }
        Path path = Path.of(location).toAbsolutePath().normalize();
        if (ref == null) {
            return openInPlace(path);
        }
        try (Repository local = repositoryAt(path)) {
            return fetch(path.toString(), local.getDirectory().toURI().toString(), ref, subdirectory(local, path));
        }
    }

    private Checkout openInPlace(Path path) throws GitException {
        Repository repo = repositoryAt(path);
        try {
            return new Checkout(repo, repo.getWorkTree().toString(), subdirectory(repo, path));
        } catch (GitException e) {
            repo.close();
            throw e;
        }
    }

    private static Repository repositoryAt(Path path) throws GitException {
        if (!Files.exists(path)) {
            throw new NotACheckoutException(path.toString(), "no such file or directory");
        }
        Path start = Files.isDirectory(path) ? path : path.getParent();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(start.toFile()).setMustExist(true);
        if (builder.getGitDir() == null) {
            throw new NotACheckoutException(path.toString(), "no .git in it or any directory above it");
        }
        try {
            Repository repo = builder.build();
            if (repo.isBare()) {
                repo.close();
                throw new NotACheckoutException(path.toString(), "it is a bare repository");
            }
            return repo;
        } catch (IOException e) {
            throw GitException.unreadable(path.toString(), e);
        }
    }

    /** Where {@code path} is in the work tree of {@code repo}: {@code ""} for its top, or a file's folder. */
    private static Path subdirectory(Repository repo, Path path) {
        Path top = repo.getWorkTree().toPath().toAbsolutePath().normalize();
        Path dir = Files.isDirectory(path) ? path : path.getParent();
        return dir != null && dir.startsWith(top) ? top.relativize(dir) : Path.of("");
    }

    private Checkout fetch(String location, String url, String ref, Path subdirectory) throws GitException {
        Path dir = cacheDir(url);
        boolean fresh = !Files.isDirectory(dir.resolve(Constants.DOT_GIT));
        Git git = null;
        try {
            git = fresh ? Git.init().setDirectory(dir.toFile()).call() : Git.open(dir.toFile());
            if (fresh) {
                StoredConfig config = git.getRepository().getConfig();
                config.setString("remote", REMOTE, "url", url);
                config.save();
            }
            events.info("Fetching " + location + " into " + dir);
            FetchResult fetched = git.fetch()
                    .setRemote(REMOTE)
                    .setRefSpecs(new RefSpec("+refs/heads/*:refs/remotes/origin/*"), new RefSpec("+refs/tags/*:refs/tags/*"))
                    .setTagOpt(TagOpt.FETCH_TAGS)
                    .setRemoveDeletedRefs(true)
                    .call();
            ObjectId commit = resolve(git.getRepository(), fetched, location, ref);
            git.checkout().setName(commit.name()).setForced(true).call();
            git.clean().setCleanDirectories(true).setIgnore(false).setForce(true).call();
            events.info("Checked out " + (ref == null ? "HEAD" : ref) + " (" + commit.abbreviate(12).name() + ") of " + location);
            Checkout checkout = new Checkout(git.getRepository(), location, subdirectory);
            git = null;
            return checkout;
        } catch (InvalidRemoteException | TransportException e) {
            if (fresh) {
                delete(dir);
            }
            throw new GitException(GitException.Kind.FAILED, location, "Cannot fetch " + location + ": "
                    + GitException.oneLine(e), "check the URL and that the repository is reachable", e);
        } catch (GitAPIException | IOException e) {
            throw GitException.unreadable(dir.toString(), e);
        } finally {
            if (git != null) {
                git.close();
            }
        }
    }

    private static ObjectId resolve(Repository repo, FetchResult fetched, String location, String ref) throws IOException, GitException {
        if (ref == null) {
            Ref head = fetched.getAdvertisedRef(Constants.HEAD);
            if (head == null || head.getObjectId() == null) {
                throw new GitException(GitException.Kind.USAGE, location, Phrase.of(location, " advertises no HEAD"),
                        Phrase.of("pass ", BuildRequest.Field.REF, " with a branch, tag or commit"), null);
            }
            return head.getObjectId();
        }
        for (String candidate : List.of("refs/remotes/" + REMOTE + "/" + ref, Constants.R_TAGS + ref, ref)) {
            try {
                ObjectId id = repo.resolve(candidate + "^{commit}");
                if (id != null) {
                    return id;
                }
            } catch (RevisionSyntaxException e) {
                break;
            }
        }
        throw new UnknownRefException(location, ref);
    }

    private void delete(Path dir) {
        try {
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        } catch (IOException e) {
            events.warn("Could not remove " + dir + ": " + e.getMessage());
        }
    }
}
