package io.xsbuild.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SortedMap;

/**
 * Where a profile's files are: a folder the toolkit carries ({@code dockerfiles/<name>/} of the checkout,
 * packed into its jar) or one in a user's profile directory.
 */
public interface ProfileFolder {

    /** Every file of the folder by its path in it, {@code /}-separated, in order. */
    SortedMap<String, byte[]> files() throws IOException;

    /** Where the folder is, as a user is told: {@code shipped} or its path. */
    String location();

    /** A file of the folder, as a user would type its path to run it. */
    String display(String file);

    /** The folder on disk, if it is one (user profiles, and shipped ones run from a checkout). */
    Path directory();
}
