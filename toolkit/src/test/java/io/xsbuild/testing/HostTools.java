package io.xsbuild.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Host tools a differential test compares with: skipped where missing, except under CI, which must have them. */
public final class HostTools {

    private HostTools() {
    }

    public static boolean present(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    public static void assume(String tool) {
        boolean found = present(tool);
        if (!found && System.getenv("CI") != null) {
            throw new AssertionError(tool + " is needed by this test and CI must have it");
        }
        Assumptions.assumeTrue(found, tool + " is not installed");
    }
}
