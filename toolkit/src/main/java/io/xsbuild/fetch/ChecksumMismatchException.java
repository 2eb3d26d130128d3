package io.xsbuild.fetch;

import io.xsbuild.error.FailedException;
import io.xsbuild.error.Phrase;

/** A fetched ISO whose checksum is not the one it should have; nothing of it was kept. */
public class ChecksumMismatchException extends FailedException {

    /** @param expectedFrom where the expected checksum comes from: a setting, or a checksum file's URL */
    public ChecksumMismatchException(String source, String algorithm, String actual, String expected, Phrase expectedFrom) {
        this(source, Phrase.of(algorithm, " is ", actual, " but ", expectedFrom, " says ", expected), null);
    }

    ChecksumMismatchException(String source, Phrase what, Throwable cause) {
        super(Phrase.of("ISO ", source, ": ", what), Phrase.of("the file is damaged or not the one meant (a download that "
                + "fails this check is not kept); fetch it again or check the expected checksum"), cause);
    }
}
