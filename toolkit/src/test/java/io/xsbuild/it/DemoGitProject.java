package io.xsbuild.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The example git project, as {@code examples/git-project/make-demo-repo.sh} makes it, and git run on it. */
final class DemoGitProject {

    private DemoGitProject() {
    }

    /** Makes the project's repository at {@code dir}. */
    static Path make(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Engine.projectDir().resolve("examples/git-project/make-demo-repo.sh").toString(),
                dir.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
        return dir;
    }

    /** {@code git -C repository ARGS}'s output, stripped; it must succeed. */
    static String git(Path repository, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(output).isZero();
        return output;
    }
}
