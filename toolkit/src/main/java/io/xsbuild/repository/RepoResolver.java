package io.xsbuild.repository;

import io.xsbuild.error.Phrase;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.repo.RepoCreateRequest;
import io.xsbuild.repo.RepoCreator;
import io.xsbuild.repo.RepoOptions;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns what a run was asked to read ({@link RepoRequest}) into checked repositories, before any container
 * starts: the local repository published with xsbuild's own repo-builder (incrementally) and put first, each
 * repository named and read (a directory's repomd.xml, a URL's over HTTP), and the switches checked
 * against the repositories there are.
 */
public final class RepoResolver {

    /** The id of {@code --local-repo}. */
    public static final String LOCAL_ID = "xsbuild-local";

    /** The id of a lone unnamed {@code --repo}; several are {@code xsbuild-1}, {@code xsbuild-2}... */
    public static final String DEFAULT_ID = "xsbuild";

    private final RepoProbe probe;
    private final Events events;

    public RepoResolver(RepoProbe probe, Events events) {
        this.probe = probe;
        this.events = events;
    }

    /**
     * @param profile      the profile's name, for messages
     * @param profileRepos the ids of the profile's own repositories
     */
    public RepoSelection resolve(RepoRequest request, String profile, List<String> profileRepos) throws XsbuildException {
        List<Repository> repos = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        if (request.localRepo() != null) {
            repos.add(publishLocal(request.localRepo()));
            ids.add(LOCAL_ID);
        }
        long unnamed = request.repos().stream().filter(s -> s.name() == null).count();
        int n = 0;
        for (RepoSpec spec : request.repos()) {
            String id = spec.name() != null ? spec.name() : unnamed == 1 ? DEFAULT_ID : DEFAULT_ID + "-" + (++n);
            if (profileRepos.contains(id)) {
                throw new RepositoryException(Phrase.of(RepoRequest.Field.REPOS, " ", spec, " is named ", id,
                        ", as a repository of the ", profile, " profile is"),
                        Phrase.of("name it otherwise (NAME=", spec.location(), ")"));
            }
            if (!ids.add(id)) {
                throw new RepositoryException(Phrase.of("Two repositories are named ", id),
                        Phrase.of("give each ", RepoRequest.Field.REPOS, " a name of its own (NAME=URL)"));
            }
            repos.add(read(id, spec));
        }
        List<String> known = new ArrayList<>(profileRepos);
        repos.forEach(r -> known.add(r.id()));
        check(RepoRequest.Field.ENABLE, request.enable(), known, profile);
        check(RepoRequest.Field.DISABLE, request.disable(), known, profile);
        return new RepoSelection(repos, request.enable(), request.disable());
    }

    private Repository read(String id, RepoSpec spec) throws XsbuildException {
        String location = spec.location();
        if (location.startsWith("http://") || location.startsWith("https://")) {
            URI url = URI.create(location);
            return new Repository(id, spec.toString(), null, url, probe.repomdSha256(id, url));
        }
        Path dir;
        if (location.startsWith("file:")) {
            try {
                dir = Path.of(URI.create(location));
            } catch (IllegalArgumentException e) {
                throw new RepositoryException(Phrase.of(RepoRequest.Field.REPOS, " ", spec, " is no file:// URL of a directory"),
                        Phrase.of("write file:///PATH"));
            }
        } else {
            dir = Path.of(location);
        }
        return new Repository(id, spec.toString(), dir.toAbsolutePath().normalize(), null, localRepomd(id, spec.toString(), dir));
    }

    private static String localRepomd(String id, String given, Path dir) throws RepositoryException {
        Path repomd = dir.resolve("repodata").resolve("repomd.xml");
        if (!Files.isDirectory(dir)) {
            throw new RepositoryException(Phrase.of("No repository at ", dir, " (", RepoRequest.Field.REPOS, " ", given, ")"),
                    Phrase.of(RepoRequest.Field.REPOS, " takes a directory with repodata/ in it, or a URL"));
        }
        if (!Files.isRegularFile(repomd)) {
            throw new RepositoryException(Phrase.of("No repodata/repomd.xml in ", dir, " (", RepoRequest.Field.REPOS, " ",
                    given, ")"), Phrase.of("publish it first (xsbuild repo create ", dir, "), or give it as ",
                    RepoRequest.Field.LOCAL_REPO));
        }
        try {
            return ChecksumType.SHA256.hex(repomd);
        } catch (IOException e) {
            throw new RepositoryException("Cannot read " + repomd + ": " + e.getMessage(), null);
        }
    }

    private Repository publishLocal(Path dir) throws XsbuildException {
        if (!Files.isDirectory(dir)) {
            throw new RepositoryException(Phrase.of("No directory ", dir, " to publish (", RepoRequest.Field.LOCAL_REPO, ")"),
                    Phrase.of("give a directory of RPMs (it may be empty)"));
        }
        events.log(Events.Level.INFO, Phrase.of("Publishing ", dir, " (", RepoRequest.Field.LOCAL_REPO, ")"));
        new RepoCreator(events).create(RepoCreateRequest.builder(dir)
                .options(RepoOptions.builder().update(true).waitForLock(true).build()).build());
        Path absolute = dir.toAbsolutePath().normalize();
        return new Repository(LOCAL_ID, absolute.toString(), absolute, null, localRepomd(LOCAL_ID, dir.toString(), dir));
    }

    private static void check(RepoRequest.Field switches, List<String> globs, List<String> known, String profile)
            throws RepositoryException {
        for (String glob : globs) {
            boolean wildcard = glob.contains("*") || glob.contains("?") || glob.contains("[");
            if (!wildcard && known.stream().noneMatch(id -> Globs.matches(glob, id))) {
                throw new RepositoryException(Phrase.of(switches, " ", glob, " names no repository of the ", profile,
                        " profile or of ", RepoRequest.Field.REPOS),
                        Phrase.of(known.isEmpty() ? "there are none" : "there are " + String.join(", ", known)));
            }
        }
    }
}
