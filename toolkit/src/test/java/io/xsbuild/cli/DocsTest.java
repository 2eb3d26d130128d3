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
    void repoSnapshotHasItsPageAndCompletionAndRepoCreateKeepsItsIsoFlags() throws IOException {
        pages();
        String snapshot = Files.readString(dir.resolve("man/xsbuild-repo-snapshot.1"));
        assertThat(snapshot).startsWith(".TH XSBUILD-REPO-SNAPSHOT 1").contains("\\-\\-iso", "\\-\\-keep", "\\-\\-whitelist")
                .doesNotContain("\\-\\-retain\\-old\\-md");
        assertThat(Files.readString(dir.resolve("man/xsbuild-repo-create.1")))
                .contains("\\-\\-iso", "\\-\\-maven\\-repo", "\\-\\-whitelist", "\\-\\-retain\\-old\\-md");
        assertThat(Files.readString(dir.resolve("man/xsbuild-repo.1"))).contains("xsbuild\\-repo\\-snapshot(1)");
        String script = Files.readString(dir.resolve("xsbuild_completion.bash"));
        assertThat(script).contains("_picocli_xsbuild_repo_snapshot", "local commands=\"create snapshot\"");
        assertThat(script.substring(script.indexOf("function _picocli_xsbuild_repo_create()")))
                .contains("'--iso' '--sha256' '--maven-repo'");
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
