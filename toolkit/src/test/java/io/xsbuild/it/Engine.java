package io.xsbuild.it;

import io.xsbuild.container.ContainerException;
import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.DockerRuntime;
import io.xsbuild.profile.ProfileCatalog;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real engine for integration tests. Where none answers, the tests are skipped on a developer's
 * machine and fail under CI ({@code CI} set), where {@code .ci/run} must have started one.
 */
public final class Engine {

    private Engine() {
    }

    public static ContainerRuntime connect() {
        try {
            return DockerRuntime.connect();
        } catch (ContainerException e) {
            if (System.getenv("CI") != null) {
                fail("CI must provide a Docker engine: " + e.userMessage(), e);
            }
            Assumptions.abort("no Docker engine: " + e.userMessage());
            throw new AssertionError("unreachable");
        }
    }

    /** The engine, with the test base image in it (else skipped, or failed under CI). */
    public static ContainerRuntime withTestbase() {
        ContainerRuntime runtime = connect();
        try {
            if (runtime.findImage(testbaseImage()).isEmpty()) {
                runtime.close();
                String why = "the image " + testbaseImage() + " is missing: run dockerfiles/testbase/build.sh";
                if (System.getenv("CI") != null) {
                    fail(why);
                }
                Assumptions.abort(why);
            }
        } catch (ContainerException e) {
            runtime.close();
            fail(e.userMessage(), e);
        }
        return runtime;
    }

    public static String testbaseImage() {
        return System.getProperty("xsbuild.testbase.image", ProfileCatalog.TESTBASE_IMAGE);
    }

    /** The project's root directory. */
    public static Path projectDir() {
        String dir = System.getProperty("xsbuild.project.dir");
        return dir == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(dir);
    }
}
