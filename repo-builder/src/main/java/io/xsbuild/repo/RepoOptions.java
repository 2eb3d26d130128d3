package io.xsbuild.repo;

import io.xsbuild.error.UsageException;
import io.xsbuild.rpm.header.HeaderText;

/** The checks every command that reads packages into repodata makes of the options they share. */
public final class RepoOptions {

    private RepoOptions() {
    }

    /** Fails with a usage error naming the option unless the values can be used. */
    public static void check(int workers, int changelogLimit, String baseUrl) throws UsageException {
        if (workers < 1) {
            throw new UsageException("--workers " + workers + " is not a number of workers", "give 1 or more");
        }
        if (changelogLimit < -1) {
            throw new UsageException("--changelog-limit " + changelogLimit + " is not a limit",
                    "give 0 or more entries, or -1 for all");
        }
        if (HeaderText.forbiddenCharacter(baseUrl) >= 0) {
            throw new UsageException("--baseurl contains a control character", "give a URL");
        }
    }
}
