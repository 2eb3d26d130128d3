package io.xsbuild.cli;

import io.xsbuild.container.DockerRuntime;

/** The xsbuild command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        HostTerminal terminal = HostTerminal.system();
        System.exit(Cli.commandLine(CliContext.system(() -> DockerRuntime.connect(terminal))).execute(args));
    }
}
