package io.xsbuild.git;

import io.xsbuild.error.Phrase;

/** git describe found no tag: the commit cannot be versioned without {@link DescribeOptions#always()}. */
public class NoTagException extends GitException {
    public NoTagException(String repository, String commit, String match) {
        super(Kind.USAGE, repository, Phrase.of("No tag" + (match == null ? "" : " matching '" + match + "'")
                        + " reachable from " + commit + " in " + repository),
                Phrase.of("tag a release (git tag -a v1.0) or pass ", DescribeOptions.Field.ALWAYS), null);
    }
}
