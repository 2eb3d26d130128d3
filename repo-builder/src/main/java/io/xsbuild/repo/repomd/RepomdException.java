package io.xsbuild.repo.repomd;

import java.io.IOException;

/**
 * A repomd.xml that cannot be read: not well-formed, or a {@code <data>} record without what every
 * record has. Callers that know where the file comes from (an ISO, a published repository) wrap it
 * in their own error, naming that.
 */
public final class RepomdException extends IOException {

    private final String problem;

    public RepomdException(String file, String problem, Throwable cause) {
        super(file + " is not metadata xsbuild can read: " + problem, cause);
        this.problem = problem;
    }

    /** What is wrong, without the file ("not well-formed XML: ..."). */
    public String problem() {
        return problem;
    }
}
