package io.xsbuild.cli;

import io.xsbuild.container.FakeRuntime;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.Setting;
import io.xsbuild.error.UsageException;
import io.xsbuild.repo.RepoOptions;
import io.xsbuild.snapshot.SnapshotRequest;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FlagsTest {

    private static final Pattern SETTINGS = Pattern.compile("\\benum (\\w+) implements Setting\\b");

    /** Every enum of settings in the main sources of both modules. */
    private static List<Setting> allSettings() throws Exception {
        List<Setting> settings = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../repo-builder/src/main/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    Matcher m = SETTINGS.matcher(Files.readString(f));
                    String outer = root.relativize(f).toString().replace(".java", "").replace('/', '.');
                    while (m.find()) {
                        for (Object constant : Class.forName(outer + "$" + m.group(1)).getEnumConstants()) {
                            settings.add((Setting) constant);
                        }
                    }
                }
            }
        }
        return settings;
    }

    /** The names of every option of every command, subcommands included. */
    private static Set<String> allOptionNames() {
        CliContext context = new CliContext(FakeRuntime::new, Map.of(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false, Path.of("."));
        Set<String> names = new HashSet<>();
        List<CommandLine> commands = new ArrayList<>(List.of(Cli.commandLine(context)));
        while (!commands.isEmpty()) {
            CommandLine c = commands.remove(0);
            c.getCommandSpec().options().forEach(o -> names.addAll(List.of(o.names())));
            commands.addAll(c.getSubcommands().values());
        }
        return names;
    }

    @Test
    void everySettingAMessageMayNameIsSetByAFlagOfSomeCommand() throws Exception {
        List<Setting> settings = allSettings();
        assertThat(settings).contains(RepoOptions.Field.WORKERS, SnapshotRequest.Field.KEEP).hasSizeGreaterThan(20);
        Set<String> options = allOptionNames();
        for (Setting s : settings) {
            assertThat(Flags.of(s)).as(s.getClass().getName() + "." + s.name()).startsWith("--").isIn(options);
        }
    }

    @Test
    void theCommandLineNamesSettingsByFlagsAndTheLibraryByFields() throws IOException {
        UsageException e = new UsageException(Phrase.of(RepoOptions.Field.CHANGELOG_LIMIT, " -2 is not a limit"),
                Phrase.of("give 0 or more, or leave out ", RepoOptions.Field.SKIP_BAD));
        assertThat(e.getMessage()).isEqualTo("changelogLimit -2 is not a limit");
        assertThat(e.userMessage()).isEqualTo("changelogLimit -2 is not a limit: give 0 or more, or leave out skipBad");
        assertThat(Flags.userMessage(e)).isEqualTo("--changelog-limit -2 is not a limit: give 0 or more, or leave out --skip-bad");
        assertThat(e.settings()).containsExactly(RepoOptions.Field.CHANGELOG_LIMIT, RepoOptions.Field.SKIP_BAD);
        assertThat(e.userPhrase()).hasToString(e.userMessage());
        assertThat(Flags.words(e.userPhrase())).isEqualTo(Flags.userMessage(e));
    }
}
