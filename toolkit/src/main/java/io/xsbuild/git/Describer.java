package io.xsbuild.git;

import io.xsbuild.error.Phrase;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.InvalidPatternException;
import org.eclipse.jgit.fnmatch.FileNameMatcher;
import org.eclipse.jgit.lib.AbbrevConfig;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code git describe --tags [--match P] [--always]} through JGit's {@link org.eclipse.jgit.api.DescribeCommand},
 * which walks the history, counts the distance and abbreviates as git does ({@code core.abbrev}, or git's
 * automatic length from the packed object count, then longer until unique). Where several tags name the
 * described commit, the name is chosen as git chooses it: annotated before lightweight, then the newest
 * tagger date, then the first in ref order.
 */
final class Describer {

    private static final Pattern LONG_FORM = Pattern.compile("(.+)-(\\d+)-g([0-9a-f]{4,64})");

    private final Repository repo;
    private final String location;

    Describer(Repository repo, String location) {
        this.repo = repo;
        this.location = location;
    }

    Description describe(ObjectId commit, DescribeOptions options, boolean dirty) throws GitException {
        try (Git git = Git.wrap(repo)) {
            var command = git.describe().setTarget(commit).setTags(true);
            if (options.match() != null) {
                command.setMatch(options.match());
            }
            String described = command.call();
            if (described == null) {
                if (!options.always()) {
                    throw new NoTagException(location, commit.abbreviate(7).name(), options.match());
                }
                return new Description(null, 0, abbreviate(commit), dirty);
            }
            return parse(described, commit, options, dirty);
        } catch (InvalidPatternException e) {
            throw new GitException(GitException.Kind.USAGE, location, Phrase.of(DescribeOptions.Field.MATCH, " '",
                    options.match(), "' is not a valid glob pattern: ", e.getMessage()),
                    Phrase.of("use a glob(7) pattern such as 'v*'"), e);
        } catch (GitAPIException | IOException e) {
            throw GitException.unreadable(location, e);
        }
    }

    private Description parse(String described, ObjectId commit, DescribeOptions options, boolean dirty)
            throws IOException, InvalidPatternException, GitAPIException {
        Ref exact = repo.exactRef(Constants.R_TAGS + described);
        if (exact != null && commit.equals(peeledCommit(exact))) {
            return new Description(gitsName(exact, options.match()), 0, abbreviate(commit), dirty);
        }
        Matcher m = LONG_FORM.matcher(described);
        if (!m.matches()) {
            throw new IOException("unexpected git describe output '" + described + "'");
        }
        Ref tag = repo.exactRef(Constants.R_TAGS + m.group(1));
        if (tag == null) {
            throw new IOException("git describe named the tag '" + m.group(1) + "', which does not exist");
        }
        return new Description(gitsName(tag, options.match()), Integer.parseInt(m.group(2)), m.group(3), dirty);
    }

    /** Of the tags on the commit {@code chosen} names and passing {@code match}, the one git prints. */
    private String gitsName(Ref chosen, String match) throws IOException, InvalidPatternException {
        ObjectId commit = peeledCommit(chosen);
        FileNameMatcher matcher = match == null ? null : new FileNameMatcher(match, null);
        List<Ref> tags = repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS).stream()
                .sorted(Comparator.comparing(Ref::getName))
                .toList();
        TagName best = null;
        try (RevWalk walk = new RevWalk(repo)) {
            for (Ref ref : tags) {
                String name = ref.getName().substring(Constants.R_TAGS.length());
                if (!commit.equals(peeledCommit(ref)) || !matches(matcher, name)) {
                    continue;
                }
                TagName candidate = TagName.of(walk, ref, name);
                if (best == null || candidate.replaces(best)) {
                    best = candidate;
                }
            }
        }
        return best == null ? chosen.getName().substring(Constants.R_TAGS.length()) : best.name();
    }

    private static boolean matches(FileNameMatcher matcher, String name) {
        if (matcher == null) {
            return true;
        }
        FileNameMatcher m = new FileNameMatcher(matcher);
        m.append(name);
        return m.isMatch();
    }

    private ObjectId peeledCommit(Ref ref) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            RevObject object = walk.peel(walk.parseAny(ref.getObjectId()));
            return object.getType() == Constants.OBJ_COMMIT ? object.copy() : null;
        }
    }

    private String abbreviate(ObjectId commit) throws IOException, GitAPIException {
        try (ObjectReader reader = repo.newObjectReader()) {
            return reader.abbreviate(commit, AbbrevConfig.parseFromConfig(repo).get()).name();
        }
    }

    /** A tag as git's describe ranks names for one commit. */
    private record TagName(String name, boolean annotated, Instant taggerDate) {

        static TagName of(RevWalk walk, Ref ref, String name) throws IOException {
            RevObject object = walk.parseAny(ref.getObjectId());
            if (object instanceof RevTag tag) {
                walk.parseBody(tag);
                PersonIdent tagger = tag.getTaggerIdent();
                return new TagName(name, true, tagger == null ? Instant.EPOCH : tagger.getWhenAsInstant());
            }
            return new TagName(name, false, Instant.EPOCH);
        }

        /** Whether git, having seen {@code current} first, takes this name instead. */
        boolean replaces(TagName current) {
            if (annotated != current.annotated) {
                return annotated;
            }
            return annotated && taggerDate.getEpochSecond() > current.taggerDate.getEpochSecond();
        }
    }
}
