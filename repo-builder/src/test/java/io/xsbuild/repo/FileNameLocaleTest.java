package io.xsbuild.repo;

import io.xsbuild.iso.IsoTools;
import io.xsbuild.testing.ChildJvm;
import io.xsbuild.testing.Createrepo;
import io.xsbuild.testing.FileNameChild;
import io.xsbuild.testing.TestData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * File names are bytes, whatever the locale xsbuild runs in: under {@code LANG=C} and
 * {@code LANG=C.UTF-8} a JVM of its own publishes packages whose names are UTF-8, ISO-8859-1 and
 * neither, and the hrefs are createrepo_c's for the same files, in createrepo_c's order; no
 * package is left out, and each name that is not UTF-8 is named in a warning. From an image, every
 * package is published under a name whose UTF-8 is its href, so that clients find it.
 */
class FileNameLocaleTest {

    private static final Pattern HREF = Pattern.compile("<location href=\"([^\"]*)\"");

    @TempDir
    Path tmp;

    /** A file of {@code dir} named by raw bytes, written through a URI so this JVM's locale does not matter. */
    static Path named(Path dir, String relativeBytes) throws IOException {
        StringBuilder uri = new StringBuilder("file://").append(dir.toAbsolutePath()).append('/');
        for (char c : relativeBytes.toCharArray()) {
            if (c == '/' || c < 0x80 && Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_') {
                uri.append(c);
            } else {
                uri.append(String.format("%%%02X", (int) c));
            }
        }
        Path file = Path.of(URI.create(uri.toString()));
        Files.createDirectories(file.getParent());
        return file;
    }

    /** The names of the directory case, as bytes (each char one byte), and the package each holds. */
    static Map<String, String> directoryCase() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("plain.rpm", "Archer-3.4.5-6.x86_64.rpm");
        files.put("p\u00c3\u00a2te.rpm", "Rimmer-1.0.2-2.x86_64.rpm");            // UTF-8 "pâte"
        files.put("lat\u00e2n.rpm", "fake_bash-1.1.1-1.x86_64.rpm");                // ISO-8859-1 "latân"
        files.put("a\u0085b.rpm", "empty-0-0.x86_64.rpm");                          // a C1 byte: createrepo_c drops it
        files.put("\u00ff\u00fe.rpm", "super_kernel-6.0.1-2.x86_64.rpm");          // neither
        files.put("\u00d0\u0096.rpm", "balicek-utf8-1.1.1-1.x86_64.rpm");          // UTF-8 "Ж", sorts after 0xE9 bytewise
        files.put("\u00e9.rpm", "balicek-iso88591-1.1.1-1.x86_64.rpm");            // ISO-8859-1 "é", sorts before "Ж" as text
        files.put("d\u00e9/x.rpm", "balicek-iso88592-1.1.1-1.x86_64.rpm");         // a directory that is not UTF-8
        files.put("d\u00c3\u00a9/y.rpm", "empty-0-0.src.rpm");                      // a UTF-8 directory
        files.put("d\u00c3\u00a9/\u00e9.rpm", "empty-signed-rsa-0-0.x86_64.rpm");  // UTF-8 directory, ISO-8859-1 name
        return files;
    }

    @ParameterizedTest(name = "LANG={0}")
    @ValueSource(strings = {"C", "C.UTF-8"})
    void aDirectoryIsPublishedWithCreaterepoHrefsInAnyLocale(String lang) throws Exception {
        Createrepo.binary();
        Path repo = tmp.resolve("repo");
        Path reference = tmp.resolve("reference");
        for (Map.Entry<String, String> f : directoryCase().entrySet()) {
            Files.copy(TestData.pkg(f.getValue()), named(repo, f.getKey()));
            Files.copy(TestData.pkg(f.getValue()), named(reference, f.getKey()));
        }
        Createrepo.run(reference, reference);

        ChildJvm.Result child = ChildJvm.runInLocale(lang, FileNameChild.class, "repo", repo.toString());

        assertThat(child.exit()).as(child.err()).isZero();
        assertThat(child.out()).contains("jnu=" + (lang.equals("C") ? "ANSI_X3.4-1968" : "UTF-8"));
        assertThat(child.out()).contains("packages=10", "update.read=0", "update.reused=10");
        assertThat(hrefs(repo)).containsExactlyElementsOf(hrefs(reference)).contains("p&#xE2;te.rpm",
                "lat&#xE2;n.rpm", "ab.rpm", "&#xFF;&#xFE;.rpm", "d&#xE9;/x.rpm", "d&#xC3;/&#xE9;.rpm");
        assertThat(child.err().lines().filter(l -> l.contains("the file name is not UTF-8")).toList()).hasSize(6)
                .anyMatch(l -> l.startsWith("warn: lat\\xE2n.rpm: the file name is not UTF-8; its href reads it as "
                        + "ISO-8859-1 (lat\u00e2n.rpm)"))
                .anyMatch(l -> l.startsWith("warn: d\u00e9/\\xE9.rpm: "));
    }

    @ParameterizedTest(name = "LANG={0}")
    @ValueSource(strings = {"C", "C.UTF-8"})
    void anImageIsPublishedWholeWithCreaterepoHrefsInAnyLocale(String lang) throws Exception {
        IsoTools.require("xorriso");
        Createrepo.binary();
        Path tree = tmp.resolve("tree");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Packages/plain.rpm", "Archer-3.4.5-6.x86_64.rpm");
        files.put("Packages/Rimmer-p\u00c3\u00a2te.rpm", "Rimmer-1.0.2-2.x86_64.rpm");    // UTF-8 Rock Ridge name
        files.put("Packages/lat\u00e2n.rpm", "fake_bash-1.1.1-1.x86_64.rpm");             // ISO-8859-1 Rock Ridge name
        files.put("Packages/\u00d0\u0096.rpm", "balicek-utf8-1.1.1-1.x86_64.rpm");
        files.put("Packages/\u00ff\u00fe.rpm", "super_kernel-6.0.1-2.x86_64.rpm");
        files.put("extras/d\u00e9/x.rpm", "balicek-iso88592-1.1.1-1.x86_64.rpm");
        files.put("SRPMS/s\u00c3\u00a9.src.rpm", "empty-0-0.src.rpm");
        files.put("Packages/a\u0085b.rpm", "empty-0-0.x86_64.rpm");                       // a C1 byte
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.copy(TestData.pkg(f.getValue()), named(tree, f.getKey()));
        }
        Path iso = tmp.resolve("names.iso");
        IsoTools.run("xorriso", "-outdev", iso.toString(), "-map", tree.toString(), "/");
        Path extracted = tmp.resolve("extracted");
        IsoTools.extract(iso, extracted);
        Createrepo.run(extracted, tmp.resolve("reference"));
        List<String> theirs = new ArrayList<>();
        for (String href : hrefs(tmp.resolve("reference"))) {
            theirs.add((href.endsWith(".src.rpm") ? "SRPMS/" : "Packages/") + href.substring(href.lastIndexOf('/') + 1));
        }

        Path out = tmp.resolve("out");
        ChildJvm.Result child = ChildJvm.runInLocale(lang, FileNameChild.class, "snapshot", iso.toString(), out.toString());

        assertThat(child.exit()).as(child.err()).isZero();
        assertThat(child.out()).contains("jnu=" + (lang.equals("C") ? "ANSI_X3.4-1968" : "UTF-8"));
        assertThat(child.out()).contains("packages=8", "binaryPackages=7", "next.linked=8", "next.reused=8");
        List<String> ours = hrefs(out.resolve("s1"));
        // createrepo_c drops the C1 byte of a name that is not UTF-8; the snapshot keeps the character,
        // written as UTF-8 in the file's name, so that its href finds the file.
        assertThat(ours).containsExactlyInAnyOrderElementsOf(theirs.stream()
                .map(h -> h.equals("Packages/ab.rpm") ? "Packages/a&#x85;b.rpm" : h).toList());
        assertThat(ours).contains("Packages/Rimmer-p&#xE2;te.rpm", "Packages/lat&#xE2;n.rpm", "Packages/x.rpm",
                "SRPMS/s&#xE9;.src.rpm");
        for (String href : ours) {
            Path file = named(out.resolve("s1"), utf8AsBytes(unescape(href)));
            assertThat(file).as(href + " is where its UTF-8 name says").isRegularFile();
        }
    }

    /** The location hrefs of the primary metadata in {@code repo/repodata}, as written, in order. */
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
        Matcher m = HREF.matcher(xml);
        while (m.find()) {
            hrefs.add(m.group(1));
        }
        return hrefs;
    }

    private static String unescape(String xml) {
        return Pattern.compile("&#x([0-9A-Fa-f]+);").matcher(xml)
                .replaceAll(r -> new String(Character.toChars(Integer.parseInt(r.group(1), 16))));
    }

    /** The text's UTF-8, one char per byte, as {@link #named} takes names. */
    private static String utf8AsBytes(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
