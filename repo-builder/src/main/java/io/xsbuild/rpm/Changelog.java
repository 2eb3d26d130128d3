package io.xsbuild.rpm;

import java.util.Objects;

/** A changelog entry as other.xml carries it: {@code date} in seconds since the epoch. */
public record Changelog(String author, long date, String text) {
    public Changelog {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
    }
}
