package io.xsbuild.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Another JVM running a test class's {@code main} on this test's class path, for the test to kill. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** Starts {@code main} with {@code args}, lets it run {@code millis} ms and kills it (SIGKILL); it must not end first. */
    public static void runAndKill(Class<?> main, long millis, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        boolean ended = child.waitFor(millis, TimeUnit.MILLISECONDS);
        child.destroyForcibly().waitFor();
        assertThat(ended).as(main.getSimpleName() + " works until it is killed").isFalse();
    }
}
