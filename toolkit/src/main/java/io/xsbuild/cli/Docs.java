package io.xsbuild.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes what the build ships beside the jar, from the command line's own model so that it never
 * disagrees with {@code --help}: a man page for xsbuild and one for each subcommand (roff,
 * {@code man -l xsbuild.1}), and a bash completion script ({@code source xsbuild_completion.bash}).
 * Run at build time: {@code Docs OUTDIR VERSION}.
 */
public final class Docs {

    private Docs() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/docs");
        String version = "xsbuild " + (args.length > 1 ? args[1] : "(development build)");
        CliContext context = new CliContext(() -> {
            throw new IllegalStateException("documentation needs no engine");
        }, Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, Path.of("."));
        CommandLine root = Cli.commandLine(context);
        for (Map.Entry<Path, String> page : manPages(root, dir.resolve("man"), version).entrySet()) {
            Files.createDirectories(page.getKey().getParent());
            Files.writeString(page.getKey(), page.getValue(), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("xsbuild_completion.bash"), AutoComplete.bash("xsbuild", root), StandardCharsets.UTF_8);
    }

    /** The man page of every command under {@code root}, by file: {@code xsbuild.1}, {@code xsbuild-repo-create.1}... */
    static Map<Path, String> manPages(CommandLine root, Path dir, String version) {
        Map<Path, String> pages = new java.util.LinkedHashMap<>();
        collect(root, dir, version, pages);
        return pages;
    }

    private static void collect(CommandLine command, Path dir, String version, Map<Path, String> pages) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.usageMessage().hidden() || spec.userObject() instanceof CommandLine.HelpCommand) {
            return;
        }
        pages.put(dir.resolve(pageName(spec) + ".1"), manPage(spec, version));
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, dir, version, pages));
    }

    static String pageName(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    static String manPage(CommandSpec spec, String version) {
        StringBuilder roff = new StringBuilder();
        roff.append(".TH ").append(pageName(spec).toUpperCase(java.util.Locale.ROOT)).append(" 1 \"\" \"")
                .append(escape(version)).append("\" \"xsbuild manual\"\n");
        roff.append(".SH NAME\n").append(escape(pageName(spec))).append(" \\- ")
                .append(escape(firstSentence(String.join(" ", spec.usageMessage().description())))).append('\n');
        roff.append(".SH SYNOPSIS\n.nf\n")
                .append(escapeLines(spec.commandLine().getHelp().synopsis(0).stripTrailing())).append("\n.fi\n");
        roff.append(".SH DESCRIPTION\n").append(escape(String.join(" ", spec.usageMessage().description()))).append('\n');
        List<PositionalParamSpec> positionals = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!positionals.isEmpty()) {
            roff.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : positionals) {
                roff.append(".TP\n.I ").append(escape(p.paramLabel())).append('\n')
                        .append(escape(String.join(" ", p.description()))).append('\n');
            }
        }
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden()).toList();
        if (!options.isEmpty()) {
            roff.append(".SH OPTIONS\n");
            for (OptionSpec o : options) {
                roff.append(".TP\n.B ").append(escape(String.join(", ", o.names())));
                if (o.arity().max() > 0) {
                    roff.append(" \\fI").append(escape(o.paramLabel())).append("\\fR");
                }
                roff.append('\n').append(escape(String.join(" ", o.description()))).append('\n');
            }
        }
        if (!spec.subcommands().isEmpty()) {
            roff.append(".SH COMMANDS\n");
            spec.subcommands().forEach((name, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden() && !"help".equals(name)) {
                    roff.append(".TP\n.B ").append(escape(name)).append('\n')
                            .append(escape(String.join(" ", sub.getCommandSpec().usageMessage().description()))).append('\n');
                }
            });
        }
        String[] footer = spec.usageMessage().footer();
        if (footer.length > 0) {
            roff.append(".SH EXAMPLES\n.nf\n").append(escapeLines(String.join("\n", footer).stripTrailing())).append("\n.fi\n");
        }
        roff.append(".SH EXIT STATUS\n0 ok, 1 the operation failed, 2 usage error, 3 environment problem "
                + "(no Docker engine, a missing tool or image).\n");
        roff.append(".SH SEE ALSO\n").append(seeAlso(spec)).append('\n');
        return roff.toString();
    }

    private static String seeAlso(CommandSpec spec) {
        List<String> pages = new ArrayList<>();
        if (spec.parent() != null) {
            pages.add(escape(pageName(spec.parent())) + "(1)");
        }
        spec.subcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden() && !"help".equals(name)) {
                pages.add(escape(pageName(sub.getCommandSpec())) + "(1)");
            }
        });
        return String.join(", ", pages.isEmpty() ? List.of("xsbuild(1)") : pages);
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return (end < 0 ? text : text.substring(0, end)).replaceAll("\\.$", "");
    }

    /** Text as roff prints it: backslashes and hyphens escaped, picocli's markup and format specifiers resolved. */
    static String escape(String text) {
        String plain = text.replace("%n", "\n").replace("%%", "%")
                .replaceAll("@\\|[\\w,]+ ([^|]*)\\|@", "$1");
        return plain.replace("\\", "\\e").replace("-", "\\-");
    }

    /** Lines that must not begin with a control character ({@code .} or {@code '}). */
    private static String escapeLines(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : escape(text).split("\n", -1)) {
            if (line.startsWith(".") || line.startsWith("'")) {
                out.append("\\&");
            }
            out.append(line).append('\n');
        }
        return out.toString().stripTrailing();
    }
}
