package io.xsbuild.container;

/**
 * Opens a connection to a container engine. The command line hands the engine one of these
 * ({@link DockerRuntime#connect(Terminal)} in production, a fake in tests) instead of a static factory.
 */
@FunctionalInterface
public interface RuntimeConnector {
    ContainerRuntime connect() throws ContainerException;
}
