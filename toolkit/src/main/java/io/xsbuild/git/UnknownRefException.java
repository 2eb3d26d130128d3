package io.xsbuild.git;

/** A ref to build that names no branch, tag or commit of the repository. */
public class UnknownRefException extends GitException {

    private final String ref;

    public UnknownRefException(String repository, String ref) {
        super(Kind.USAGE, repository, "No branch, tag or commit '" + ref + "' in " + repository,
                "list them with git ls-remote " + repository, null);
        this.ref = ref;
    }

    public String ref() {
        return ref;
    }
}
