package io.xsbuild.rpm;

/**
 * Bytes that are not a well-formed RPM package, or a header whose values cannot be used: what was
 * found and what was expected, without the file's name (the reader adds it, see
 * {@link BadPackageException}).
 */
public final class RpmFormatException extends Exception {
    public RpmFormatException(String problem) {
        super(problem);
    }
}
