package io.xsbuild.cli;

/** Options every command takes; set on the root command, readable from any subcommand. */
final class GlobalOptions {
    boolean json;
    boolean stacktrace;
}
