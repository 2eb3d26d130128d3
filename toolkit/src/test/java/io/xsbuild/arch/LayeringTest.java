package io.xsbuild.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The layering DESIGN.md asks for, checked on the sources. */
class LayeringTest {

    private static final Path MAIN = Path.of("src/main/java/io/xsbuild");

    /** Every source root of both modules, main and test. */
    private static final List<Path> ROOTS = List.of(Path.of("src/main/java"), Path.of("src/test/java"),
            Path.of("../repo-builder/src/main/java"), Path.of("../repo-builder/src/test/java"));

    /** Each class's simple name, mapped to where it is. */
    private static Map<String, List<String>> classesByName() throws IOException {
        Map<String, List<String>> byName = new TreeMap<>();
        for (Path root : ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String name = f.getFileName().toString().replace(".java", "");
                    if (!name.equals("package-info")) {
                        byName.computeIfAbsent(name, n -> new ArrayList<>()).add(root.relativize(f).toString());
                    }
                }
            }
        }
        return byName;
    }

    private static Set<String> packages(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .map(p -> root.relativize(p.getParent()).toString().replace('/', '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

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
    void noTwoClassesShareASimpleName() throws IOException {
        Map<String, List<String>> shared = new TreeMap<>(classesByName());
        shared.values().removeIf(places -> places.size() < 2);
        assertThat(shared).isEmpty();
    }

    @Test
    void noPackageIsSplitAcrossTheModules() throws IOException {
        Set<String> both = packages(Path.of("src/main/java"));
        both.retainAll(packages(Path.of("../repo-builder/src/main/java")));
        assertThat(both).isEmpty();
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
    void onlyTheCommandLineTouchesTheStandardStreams() throws IOException {
        Pattern standardStream = Pattern.compile("\\bSystem\\s*\\.\\s*(in|out|err)\\b");
        List<String> touching = new ArrayList<>();
        for (Path root : List.of(MAIN, Path.of("../repo-builder/src/main/java/io/xsbuild"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    if (!f.startsWith(MAIN.resolve("cli")) && standardStream.matcher(Files.readString(f)).find()) {
                        touching.add(f.toString());
                    }
                }
            }
        }
        assertThat(touching).isEmpty();
    }
}
