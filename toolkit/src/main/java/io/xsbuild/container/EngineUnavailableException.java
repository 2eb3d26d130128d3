package io.xsbuild.container;

/** No container engine answers where xsbuild looked for one (exit 3). */
public class EngineUnavailableException extends ContainerException {
    private final String endpoint;

    public EngineUnavailableException(String endpoint, Throwable cause) {
        this(endpoint, "is dockerd running? (DOCKER_HOST selects another)", cause);
    }

    public EngineUnavailableException(String endpoint, String hint, Throwable cause) {
        super(Kind.ENVIRONMENT, "Cannot reach a Docker engine at " + endpoint, hint, cause);
        this.endpoint = endpoint;
    }

    public String endpoint() {
        return endpoint;
    }
}
