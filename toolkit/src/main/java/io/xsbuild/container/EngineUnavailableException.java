package io.xsbuild.container;

/** No Docker engine answers where xsbuild looked for one (exit 3). */
public class EngineUnavailableException extends ContainerException {
    private final String endpoint;

    public EngineUnavailableException(String endpoint, Throwable cause) {
        super(Kind.ENVIRONMENT, "Cannot reach a Docker engine at " + endpoint,
                "is dockerd running? (DOCKER_HOST selects another)", cause);
        this.endpoint = endpoint;
    }

    public String endpoint() {
        return endpoint;
    }
}
