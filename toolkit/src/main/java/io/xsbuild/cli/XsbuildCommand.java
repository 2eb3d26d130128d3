package io.xsbuild.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.List;

/** The root command: global options and the list of subcommands ({@link #SUBCOMMANDS}, added by {@link Cli}). */
@Command(name = "xsbuild",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "The XenServer dom0 build environment: yum repositories from snapshot ISOs, build images, "
                + "and rebuilds of source RPMs or git checkouts inside containers.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  xsbuild demo                         try it all, offline",
            "  xsbuild doctor                       check the engine, images and tools",
            "  xsbuild repo create ./repo           publish ./repo/repodata",
            "  xsbuild rebuild --repo ./repo xapi   rebuild a package into ./xsbuild-out",
            "",
            "Exit codes: 0 ok, 1 the operation failed, 2 usage error, 3 environment problem",
            "(no Docker engine, a missing tool or image)."})
public final class XsbuildCommand implements Runnable {

    /** The subcommands, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(RepoCommand.class, IsoCommand.class, ImageCommand.class,
            RebuildCommand.class, BuildCommand.class, ChainCommand.class, ShellCommand.class, DoctorCommand.class,
            DemoCommand.class, CommandLine.HelpCommand.class);

    private final GlobalOptions globals = new GlobalOptions();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print the result as a JSON object on standard output (messages stay on standard error).")
    void json(boolean value) {
        globals.json = value;
    }

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error, for reporting a bug.")
    void stacktrace(boolean value) {
        globals.stacktrace = value;
    }

    GlobalOptions globals() {
        return globals;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: one of "
                + String.join(", ", spec.subcommands().keySet().stream().filter(n -> !"help".equals(n)).toList()));
    }
}
