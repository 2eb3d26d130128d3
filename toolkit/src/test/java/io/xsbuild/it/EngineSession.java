package io.xsbuild.it;

import io.xsbuild.cli.CliRun;
import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.Labels;
import io.xsbuild.session.Session;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For each test, the real engine with the test base image and an xsbuild session of the test's own;
 * after it, no container of that session may be left. Register it with {@code @RegisterExtension}.
 */
final class EngineSession implements BeforeEachCallback, AfterEachCallback {

    private final String prefix;
    private String id;
    private ContainerRuntime runtime;

    EngineSession(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        runtime = Engine.withTestbase();
        id = prefix + "-" + UUID.randomUUID();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            assertThat(runtime.removeByLabel(Labels.SESSION, id)).as("containers of session " + id).isZero();
        } finally {
            runtime.close();
        }
    }

    /** The session's id, which {@code XSBUILD_SESSION} gives xsbuild. */
    String id() {
        return id;
    }

    ContainerRuntime runtime() {
        return runtime;
    }

    /** Runs xsbuild in-process in {@code dir} in this session, with {@code env} added to its environment. */
    CliRun xsbuild(Path dir, Map<String, String> env, List<String> args) {
        Map<String, String> all = new HashMap<>(env);
        all.put(Session.ENV, id);
        return CliRun.run(Engine::connect, all, dir, args.toArray(String[]::new));
    }
}
