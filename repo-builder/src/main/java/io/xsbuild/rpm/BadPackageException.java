package io.xsbuild.rpm;

import io.xsbuild.error.XsbuildException;

/** A file that should be an RPM package and is not a usable one: the file, and what is wrong with it. */
public final class BadPackageException extends XsbuildException {

    private final String file;
    private final String problem;

    public BadPackageException(String file, String problem, Throwable cause) {
        super(Kind.FAILED, file + ": " + problem, null, cause);
        this.file = file;
        this.problem = problem;
    }

    public BadPackageException(String file, String problem) {
        this(file, problem, null);
    }

    /** The file as the caller named it (a path relative to the repository, usually). */
    public String file() {
        return file;
    }

    /** What is wrong with it. */
    public String problem() {
        return problem;
    }
}
