package io.xsbuild.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The layering DESIGN.md asks for, checked on the sources. */
class LayeringTest {

    private static final Path MAIN = Path.of("src/main/java/io/xsbuild");

    private static List<String> filesImporting(Path dir, String prefix) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (Files.readAllLines(f).stream().anyMatch(l -> l.startsWith("import " + prefix))) {
                    found.add(MAIN.relativize(f).toString());
                }
            }
        }
        return found;
    }

    @Test
    void onlyTheDockerRuntimeTalksToDockerJava() throws IOException {
        assertThat(filesImporting(MAIN, "com.github.dockerjava")).containsExactly("container/DockerRuntime.java");
    }

    @Test
    void onlyMavenArtifactsTalksToMavenResolver() throws IOException {
        assertThat(filesImporting(MAIN, "org.eclipse.aether")).containsExactly("fetch/MavenArtifacts.java");
        assertThat(filesImporting(MAIN, "org.apache.maven")).containsExactly("fetch/MavenArtifacts.java");
    }

    @Test
    void theCommandLineImportsNoDockerJavaJGitOrResolver() throws IOException {
        Path cli = MAIN.resolve("cli");
        assertThat(filesImporting(cli, "com.github.dockerjava")).isEmpty();
        assertThat(filesImporting(cli, "org.eclipse.jgit")).isEmpty();
        assertThat(filesImporting(cli, "org.eclipse.aether")).isEmpty();
    }

    @Test
    void onlyTheCommandLineExits() throws IOException {
        List<String> exiting = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (Files.readString(f).contains("System.exit(")) {
                    exiting.add(MAIN.relativize(f).toString());
                }
            }
        }
        assertThat(exiting).containsExactly("cli/Main.java");
    }

    @Test
    void theEngineNeverPrints() throws IOException {
        List<String> printing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/cli/")).toList()) {
                String src = Files.readString(f);
                if (src.contains("System.out.print") || src.contains("System.err.print")) {
                    printing.add(MAIN.relativize(f).toString());
                }
            }
        }
        assertThat(printing).isEmpty();
    }
}
