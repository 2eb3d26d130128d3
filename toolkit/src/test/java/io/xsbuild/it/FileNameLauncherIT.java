package io.xsbuild.it;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * xsbuild as cron or a container runs it, under {@code LANG=C}, and under {@code LANG=C.UTF-8}:
 * through the launcher and as a bare {@code java -jar}. File names and path arguments are bytes
 * (the scripts spell them with printf, so this JVM's own locale does not touch them).
 */
class FileNameLauncherIT {

    private static final Pattern HREF = Pattern.compile("<location href=\"([^\"]*)\"");

    @TempDir
    Path tmp;

    record Result(int exit, String out, String err) {
    }

    /** Runs a bash script in {@code tmp} under {@code LANG=lang}; $XSB is the launcher, $JAR_XSB runs the jar. */
    Result sh(String lang, String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(tmp.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANGUAGE"));
        pb.environment().put("LANG", lang);
        pb.environment().put("XSB", Engine.projectDir().resolve("xsbuild").toString());
        pb.environment().put("JAR_XSB", Path.of(System.getProperty("java.home"), "bin", "java") + " -jar "
                + Engine.projectDir().resolve("toolkit/target/xsbuild.jar"));
        pb.environment().put("DOCKER_HOST", "unix:///nonexistent/xsbuild-test.sock");
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(script).isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** A file named by raw bytes (one char a byte), made through a URI whatever this JVM's locale. */
    static Path named(Path dir, String relativeBytes) throws IOException {
        StringBuilder uri = new StringBuilder("file://").append(dir.toAbsolutePath()).append('/');
        for (char c : relativeBytes.toCharArray()) {
            uri.append(c == '/' || c < 0x80 && Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_'
                    ? String.valueOf(c) : String.format("%%%02X", (int) c));
        }
        Path file = Path.of(URI.create(uri.toString()));
        Files.createDirectories(file.getParent());
        return file;
    }

    static Path testPackage(String name) {
        String shared = System.getProperty("xsbuild.shared.dir");
        Path p = shared == null ? null : Path.of(shared, "testdata/createrepo_c/packages", name);
        Assumptions.assumeTrue(p != null && Files.isRegularFile(p), "no createrepo_c test data in ../shared");
        return p;
    }

    static List<String> hrefs(Path repo) throws IOException {
        Path primary;
        try (Stream<Path> files = Files.list(repo.resolve("repodata"))) {
            primary = files.filter(f -> f.getFileName().toString().endsWith("primary.xml.gz")).findFirst().orElseThrow();
        }
        String xml;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(primary))) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> hrefs = new ArrayList<>();
        for (Matcher m = HREF.matcher(xml); m.find(); ) {
            hrefs.add(m.group(1));
        }
        return hrefs;
    }

    @ParameterizedTest(name = "{0} under LANG={1}")
    @CsvSource({"$XSB, C", "$XSB, C.UTF-8", "$JAR_XSB, C", "$JAR_XSB, C.UTF-8"})
    void anImageWithNonAsciiRockRidgeNamesIsPublishedWhole(String runner, String lang) throws Exception {
        Path tree = tmp.resolve("tree");
        Files.copy(testPackage("Archer-3.4.5-6.x86_64.rpm"), named(tree, "Packages/plain.rpm"));
        Files.copy(testPackage("Rimmer-1.0.2-2.x86_64.rpm"), named(tree, "Packages/p\u00c3\u00a2te.rpm"));
        Files.copy(testPackage("fake_bash-1.1.1-1.x86_64.rpm"), named(tree, "Packages/lat\u00e2n.rpm"));
        Files.copy(testPackage("empty-0-0.src.rpm"), named(tree, "SRPMS/\u00c3\u00a9.src.rpm"));
        Path iso = tmp.resolve("names.iso");
        Process xorriso = new ProcessBuilder("xorriso", "-outdev", iso.toString(), "-map", tree.toString(), "/")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(xorriso.waitFor()).as("xorriso made the image").isZero();

        Result r = sh(lang, runner + " repo create --iso names.iso --out out --snapshot s1");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("left out");
        assertThat(Files.readString(tmp.resolve("out/s1/snapshot.json"))).contains("\"binaryPackages\": 3",
                "\"sourcePackages\": 1");
        assertThat(hrefs(tmp.resolve("out/s1"))).containsExactlyInAnyOrder("Packages/plain.rpm",
                "Packages/p&#xE2;te.rpm", "Packages/lat&#xE2;n.rpm", "SRPMS/&#xE9;.src.rpm");
        assertThat(named(tmp.resolve("out/s1"), "Packages/p\u00c3\u00a2te.rpm")).isRegularFile();
        assertThat(named(tmp.resolve("out/s1"), "Packages/lat\u00c3\u00a2n.rpm")).as("the UTF-8 of its href").isRegularFile();
    }

    @ParameterizedTest(name = "LANG={0}")
    @ValueSource(strings = {"C", "C.UTF-8"})
    void theLauncherTakesANonAsciiPathInAnyLocale(String lang) throws Exception {
        Files.copy(testPackage("Archer-3.4.5-6.x86_64.rpm"), named(tmp, "r\u00c3\u00a9p/Archer.rpm"));

        Result r = sh(lang, "$XSB repo create \"$(printf 'r\\303\\251p')\"");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(hrefs(named(tmp, "r\u00c3\u00a9p/x").getParent())).containsExactly("Archer.rpm");
    }

    @ParameterizedTest(name = "LANG={0}")
    @ValueSource(strings = {"C", "C.UTF-8"})
    void aPathArgumentTheJvmCannotReadIsOneLine(String lang) throws Exception {
        Files.createDirectories(named(tmp, "r\u00c3\u00a9p/x").getParent());
        Files.createDirectories(named(tmp, "r\u00ff/x").getParent());
        // Under C the JVM cannot read a UTF-8 name; under C.UTF-8 it cannot read one that is not UTF-8.
        String name = lang.equals("C") ? "r\\303\\251p" : "r\\377";

        Result dir = sh(lang, "$JAR_XSB repo create \"$(printf '" + name + "')\"");
        Result out = sh(lang, "$JAR_XSB repo create --out \"$(printf '" + name + "')\" .");

        for (Result r : List.of(dir, out)) {
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err().lines().toList()).hasSize(1).first().asString()
                    .startsWith("xsbuild: Invalid value for ")
                    .contains("cannot be read as a path: ")
                    .contains(lang.equals("C") ? "run xsbuild in a UTF-8 locale (LC_ALL=C.UTF-8" : "it is not UTF-8")
                    .doesNotContain("java.");
        }
        assertThat(out.err()).startsWith("xsbuild: Invalid value for option '--out': ");
    }
}
