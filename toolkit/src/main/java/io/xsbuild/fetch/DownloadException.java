package io.xsbuild.fetch;

import io.xsbuild.error.FailedException;
import io.xsbuild.error.Phrase;

/** An ISO that could not be fetched: the server said no, the connection failed, the transfer was cut. */
public class DownloadException extends FailedException {

    public DownloadException(String source, String what, Throwable cause) {
        this(source, Phrase.of(what), cause);
    }

    /** {@code what} may name settings. */
    public DownloadException(String source, Phrase what, Throwable cause) {
        super(Phrase.of("cannot fetch ISO ", source, ": ", what),
                Phrase.of("check the URL and the network; an interrupted download resumes when run again"), cause);
    }

    public DownloadException(String source, String what) {
        this(source, what, null);
    }
}
