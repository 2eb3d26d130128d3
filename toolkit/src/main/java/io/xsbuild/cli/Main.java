package io.xsbuild.cli;

import io.xsbuild.container.DockerRuntime;

/** The xsbuild command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.commandLine(CliContext.system(DockerRuntime::connect)).execute(args));
    }
}
