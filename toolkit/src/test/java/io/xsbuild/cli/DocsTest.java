package io.xsbuild.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DocsTest {

    @TempDir
    Path dir;

    private List<Path> pages() throws IOException {
        Docs.main(new String[] {dir.toString(), "9.9.9"});
        try (Stream<Path> files = Files.list(dir.resolve("man"))) {
            return files.sorted().toList();
        }
    }

    @Test
    void everyCommandHasAManPageWithItsOptionsAndExamples() throws IOException {
        List<String> names = pages().stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names).contains("xsbuild.1", "xsbuild-repo-create.1", "xsbuild-image-build.1", "xsbuild-rebuild.1",
                "xsbuild-build.1", "xsbuild-shell.1", "xsbuild-doctor.1");
        String rebuild = Files.readString(dir.resolve("man/xsbuild-rebuild.1"));
        assertThat(rebuild).startsWith(".TH XSBUILD-REBUILD 1 \"\" \"xsbuild 9.9.9\"").contains(".SH SYNOPSIS", ".SH OPTIONS", ".SH EXAMPLES",
                ".SH EXIT STATUS", "\\-\\-nocheck");
    }

    @Test
    void groffReadsEveryPageWithoutAWarning() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/groff")), "groff is not installed");
        List<String> command = new ArrayList<>(List.of("groff", "-man", "-Tutf8", "-ww", "-z"));
        pages().forEach(p -> command.add(p.toString()));
        Process groff = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(groff.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(groff.waitFor()).isZero();
        assertThat(output).isEmpty();
    }

    @Test
    void theCompletionScriptKnowsEverySubcommandAndItsOptions() throws IOException {
        pages();
        String script = Files.readString(dir.resolve("xsbuild_completion.bash"));
        assertThat(script).contains("complete -F _complete_xsbuild", "rebuild", "doctor", "--retain-old-md", "--nocheck");
    }
}
