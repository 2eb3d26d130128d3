package io.xsbuild.fetch;

import io.xsbuild.error.FailedException;

/** A fetched ISO whose checksum is not the one it should have; nothing of it was kept. */
public class ChecksumMismatchException extends FailedException {

    public ChecksumMismatchException(String source, String algorithm, String actual, String expected, String expectedFrom) {
        this(source, algorithm + " is " + actual + " but " + expectedFrom + " says " + expected, null);
    }

    ChecksumMismatchException(String source, String what, Throwable cause) {
        super("ISO " + source + ": " + what, "the file is damaged or not the one meant (a download that fails this check "
                + "is not kept); fetch it again or check the expected checksum", cause);
    }
}
