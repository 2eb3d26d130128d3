package io.xsbuild.fetch;

import io.xsbuild.error.FailedException;

/** An ISO that could not be fetched: the server said no, the connection failed, the transfer was cut. */
public class DownloadException extends FailedException {

    public DownloadException(String source, String what, Throwable cause) {
        super("cannot fetch ISO " + source + ": " + what, "check the URL and the network; an interrupted download resumes when run again", cause);
    }

    public DownloadException(String source, String what) {
        this(source, what, null);
    }
}
