package io.xsbuild.git;

/** git describe found no tag: the commit cannot be versioned without --always. */
public class NoTagException extends GitException {
    public NoTagException(String repository, String commit, String match) {
        super(Kind.USAGE, repository, "No tag" + (match == null ? "" : " matching '" + match + "'")
                        + " reachable from " + commit + " in " + repository,
                "tag a release (git tag -a v1.0) or pass --always", null);
    }
}
