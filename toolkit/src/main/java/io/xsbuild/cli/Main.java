package io.xsbuild.cli;

import io.xsbuild.container.DockerRuntime;
import io.xsbuild.container.EngineEndpoint;

/** The xsbuild command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        HostTerminal terminal = HostTerminal.system();
        System.exit(Cli.commandLine(CliContext.system(() -> DockerRuntime.connect(terminal),
                url -> () -> DockerRuntime.connect(EngineEndpoint.of(url, "--engine"))), args).execute(args));
    }
}
