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
import java.util.regex.Matcher;
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

    /**
     * The flags of other programs that the strings of the library and the engine name, by file: each
     * is an argument of a command they run, or words quoting one.
     */
    private static final Map<String, Set<String>> NOT_FLAGS = Map.ofEntries(
            // yumdownloader's and dnf's options, in the commands run in the container
            Map.entry("toolkit: profile/PackageManager.java", Set.of("--source", "--destdir", "--setopt")),
            // git lfs pull's option, naming the files to fetch
            Map.entry("toolkit: git/LfsPointers.java", Set.of("--include")),
            // rpmspec's, rpm's and cpio's options: the macros the build was given, and the queries run
            Map.entry("toolkit: chain/Analysis.java", Set.of("--define", "--with", "--without", "--target", "--srpm",
                    "--qf", "--buildrequires", "--nosignature", "--quiet", "--make-directories")),
            // rpmbuild's options, in the commands run in the container
            Map.entry("toolkit: build/source/PreparedSources.java", Set.of("--define")),
            Map.entry("toolkit: build/source/SpecSrpm.java", Set.of("--define")),
            Map.entry("toolkit: build/source/SrpmSource.java", Set.of("--define")),
            Map.entry("toolkit: build/source/RpmbuildOptions.java",
                    Set.of("--define", "--with", "--without", "--nocheck", "--target")),
            Map.entry("toolkit: build/RpmJob.java", Set.of("--rebuild")),
            // cp's option, bringing a make build's files out
            Map.entry("toolkit: build/MakeJob.java", Set.of("--parents")),
            // docker's, in the command that removes a session's containers by hand
            Map.entry("toolkit: session/Session.java", Set.of("--filter")),
            // GRUB's --id, found in boot configurations
            Map.entry("toolkit: remaster/BootConfigs.java", Set.of("--id")),
            // xorriso's, in the advice on an image it cannot read
            Map.entry("repo-builder: iso/TreeWalker.java", Set.of("--zisofs")));

    /** A flag: "--" and a letter, not inside a word ("a--b") nor a longer run of dashes ("---", "-->"). */
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[A-Za-z][\\w-]*");

    /**
     * What comes before a flag of an xsbuild command quoted whole for the user to run: "xsbuild " and
     * the command's words, with no punctuation ending the command between them and the flag.
     */
    private static final Pattern XSBUILD_COMMAND = Pattern.compile("\\bxsbuild(?: [^\\s,;()]+)* \\z");

    /** The flags {@code literal} names, but those of an xsbuild command it quotes whole. */
    static List<String> flagsNamedIn(String literal) {
        List<String> named = new ArrayList<>();
        Matcher flag = FLAG.matcher(literal);
        while (flag.find()) {
            if (!XSBUILD_COMMAND.matcher(literal.substring(0, flag.start())).find()) {
                named.add(flag.group());
            }
        }
        return named;
    }

    /**
     * Only the command line words settings as flags: the library and the engine name them as
     * settings (a Phrase), and cli's Flags names them by their flags. So no string of theirs names
     * a flag anywhere in it, but for the arguments of other programs above and the xsbuild commands
     * it quotes for the user to run.
     */
    @Test
    void onlyTheCommandLineNamesFlags() throws IOException {
        Map<String, Path> roots = Map.of("repo-builder", Path.of("../repo-builder/src/main/java/io/xsbuild"), "toolkit", MAIN);
        List<String> flags = new ArrayList<>();
        for (Map.Entry<String, Path> root : new TreeMap<>(roots).entrySet()) {
            try (Stream<Path> files = Files.walk(root.getValue())) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    if (f.startsWith(MAIN.resolve("cli"))) {
                        continue;
                    }
                    String where = root.getKey() + ": " + root.getValue().relativize(f);
                    for (String literal : stringLiterals(Files.readString(f))) {
                        for (String flag : flagsNamedIn(literal)) {
                            if (!NOT_FLAGS.getOrDefault(where, Set.of()).contains(flag)) {
                                flags.add(where + ": " + flag + " in \"" + literal + "\"");
                            }
                        }
                    }
                }
            }
        }
        assertThat(flags).isEmpty();
    }

    @Test
    void theFlagCheckSeesStringsAndNotComments() {
        assertThat(stringLiterals("""
                // "--a"
                /* "--b" */ String x = "--c" + '"' + "d\\"--e";
                String y = \"""
                    --f
                    \""";
                """)).containsExactly("--c", "d\"--e", "--f\n");
    }

    @Test
    void theFlagCheckSeesFlagsAnywhereInAStringButInAQuotedXsbuildCommand() {
        assertThat(flagsNamedIn("--spec")).containsExactly("--spec");
        assertThat(flagsNamedIn("choose one with --spec, or --match=v*")).containsExactly("--spec", "--match");
        assertThat(flagsNamedIn("gave up after 3 attempts (--retries)")).containsExactly("--retries");
        assertThat(flagsNamedIn("d\"--e")).containsExactly("--e");
        assertThat(flagsNamedIn("-->, ---, -- and a--b")).isEmpty();
        assertThat(flagsNamedIn("remove them with xsbuild doctor --clean")).isEmpty();
        assertThat(flagsNamedIn("xsbuild chain --out OUT --local-repo DIR pkg")).isEmpty();
        assertThat(flagsNamedIn("run xsbuild doctor, or pass --clean")).containsExactly("--clean");
        assertThat(flagsNamedIn("pass --keep to xsbuild build --shell")).containsExactly("--keep");
    }

    @Test
    void nothingButTheCommandLineUsesIt() throws IOException {
        List<String> users = new ArrayList<>();
        for (Path root : List.of(MAIN, Path.of("../repo-builder/src/main/java/io/xsbuild"))) {
            for (String f : filesImporting(root, "io.xsbuild.cli.")) {
                if (!f.startsWith("cli/")) {
                    users.add(f);
                }
            }
        }
        assertThat(users).isEmpty();
    }

    /** The values of the string literals and text blocks of Java source {@code java}, in order. */
    static List<String> stringLiterals(String java) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < java.length()) {
            char c = java.charAt(i);
            if (java.startsWith("//", i)) {
                i = java.indexOf('\n', i) < 0 ? java.length() : java.indexOf('\n', i);
            } else if (java.startsWith("/*", i)) {
                i = java.indexOf("*/", i + 2) + 2;
            } else if (java.startsWith("\"\"\"", i)) {
                int start = java.indexOf('\n', i) + 1;
                int end = java.indexOf("\"\"\"", start);
                literals.add(value(java.substring(start, end).stripIndent()));
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (java.charAt(end) != c) {
                    end += java.charAt(end) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    literals.add(value(java.substring(i + 1, end)));
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    /** A literal's value: its escapes translated, unicode escapes (which javac reads before the rest) first. */
    private static String value(String written) {
        Matcher unicode = Pattern.compile("(?<!\\\\)\\\\u+([0-9a-fA-F]{4})").matcher(written);
        StringBuilder text = new StringBuilder();
        while (unicode.find()) {
            unicode.appendReplacement(text, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(unicode.group(1), 16))));
        }
        return unicode.appendTail(text).toString().translateEscapes();
    }
}
