package io.xsbuild.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Makes yum repositories for the tests: the one place to switch from createrepo_c to xsbuild's
 * own repository builder.
 */
final class TestRepos {

    private TestRepos() {
    }

    /** Writes {@code dir/repodata} for the packages below {@code dir}. */
    static void create(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("createrepo_c", "--quiet", dir.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("createrepo_c " + dir + " failed: " + output);
        }
    }
}
