package io.xsbuild.files;

import io.xsbuild.io.Directories;

import java.io.IOException;
import java.nio.file.Path;

/** Directory trees. */
public final class Trees {

    private Trees() {
    }

    /** Deletes a file or a directory and everything below it; nothing there is not an error. */
    public static void delete(Path path) throws IOException {
        Directories.delete(path);
    }

    /** {@link #delete}, for temporary directories whose leftovers do no harm. */
    public static void deleteQuietly(Path path) {
        try {
            delete(path);
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
