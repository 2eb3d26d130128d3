package io.xsbuild.error;

import java.util.Locale;

/**
 * A setting of a request, in the terms of the code that takes the request: the request's field.
 * The library and the engine name a setting by it in their messages (a {@link Phrase}); only the
 * command line knows the flag that sets it, and names it so. Each request that has settings its
 * messages name declares them as an enum of this type, a constant per field ({@code CHANGELOG_LIMIT}
 * for {@code changelogLimit}).
 */
public interface Setting {

    /** The constant's name, as an enum gives it ("CHANGELOG_LIMIT"). */
    String name();

    /** The request's field that holds the setting ("changelogLimit"), as messages name it outside the command line. */
    default String field() {
        StringBuilder field = new StringBuilder();
        for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
            field.append(field.isEmpty() || word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return field.toString();
    }
}
