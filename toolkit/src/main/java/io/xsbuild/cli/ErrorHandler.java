package io.xsbuild.cli;

import io.xsbuild.error.XsbuildException;
import io.xsbuild.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where an error reaches the user: one line on standard error naming what went
 * wrong and what to do; the stack trace only with {@code --stacktrace}; with {@code --json} also an
 * object on standard output. Exit codes come from {@link ExitCodes}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        Throwable t = ex;
        String message;
        if (t instanceof XsbuildException x) {
            message = Flags.userMessage(x);
        } else if (t instanceof java.io.UncheckedIOException io && io.getCause() != null) {
            message = io.getCause().getMessage();
        } else {
            message = "unexpected " + t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage())
                    + " (run again with --stacktrace and report it)";
        }
        int code = ExitCodes.of(t);
        report(commandLine, message, code, t);
        return code;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("xsbuild: " + ex.getMessage());
        if (isPathProblem(ex)) {
            // one line: the message says what to do
        } else if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for its usage.");
        }
        err.flush();
        if (globals(cmd).json) {
            json(cmd, ex.getMessage(), ExitCodes.USAGE);
        }
        return ExitCodes.USAGE;
    }

    private static boolean isPathProblem(Throwable t) {
        for (; t != null; t = t.getCause()) {
            if (t instanceof PathArgument.UnusableException) {
                return true;
            }
        }
        return false;
    }

    private static void report(CommandLine cmd, String message, int code, Throwable t) {
        PrintWriter err = cmd.getErr();
        err.println("xsbuild: " + message);
        GlobalOptions globals = globals(cmd);
        if (globals.stacktrace) {
            t.printStackTrace(err);
        }
        err.flush();
        if (globals.json) {
            json(cmd, message, code);
        }
    }

    private static void json(CommandLine cmd, String message, int code) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ok", false);
        result.put("exitCode", code);
        result.put("error", message);
        cmd.getOut().print(Json.pretty(result));
        cmd.getOut().flush();
    }

    private static GlobalOptions globals(CommandLine cmd) {
        Object root = cmd.getCommandSpec().root().userObject();
        return root instanceof XsbuildCommand x ? x.globals() : new GlobalOptions();
    }
}
