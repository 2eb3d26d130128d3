package io.xsbuild.container;

/** The engine address configured (DOCKER_HOST) is not one xsbuild can connect to (exit 3). */
public class EngineAddressException extends ContainerException {

    public EngineAddressException(String address, String why) {
        super(Kind.ENVIRONMENT, "DOCKER_HOST=" + address + " is not an engine address xsbuild can use (" + why + ")",
                "give unix:///PATH (the engine's socket, /var/run/docker.sock by default) or tcp://HOST:PORT "
                        + "(DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH for TLS), or unset it", null);
    }
}
