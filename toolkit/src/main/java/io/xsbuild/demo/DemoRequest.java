package io.xsbuild.demo;

import io.xsbuild.error.Setting;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code xsbuild demo} is asked for.
 *
 * @param examples the example package folders (each a spec and its sources)
 * @param dir      where the demo keeps its packages, ISOs and repository between runs
 * @param out      where the rebuilt package's RPMs and logs go
 * @param profile  the profile to build in, or null to choose (el9 where a registry answers, else testbase)
 * @param rebuild  the package rebuilt from the demo repository at the end
 * @param home     the xsbuild checkout (for dockerfiles/testbase/build.sh)
 * @param session  the session id, or null for a new one
 */
public record DemoRequest(Path examples, Path dir, Path out, String profile, String rebuild, Path home, String session) {
    /** The fields messages name. */
    public enum Field implements Setting { EXAMPLES }

    public DemoRequest {
        Objects.requireNonNull(examples, "examples");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(rebuild, "rebuild");
        Objects.requireNonNull(home, "home");
    }
}
