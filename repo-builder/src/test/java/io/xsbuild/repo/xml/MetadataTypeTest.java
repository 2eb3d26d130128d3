package io.xsbuild.repo.xml;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.rpm.Changelog;
import io.xsbuild.rpm.Dependencies;
import io.xsbuild.rpm.Dependency;
import io.xsbuild.rpm.FileEntry;
import io.xsbuild.rpm.FileFacts;
import io.xsbuild.rpm.Location;
import io.xsbuild.rpm.RpmPackage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The writers, from records in memory, against the exact text createrepo_c writes. */
class MetadataTypeTest {

    private static final String PKGID = "90f61e546938a11449b710160ad294618a5bd3062e46f8cf851fd0088af184b7";

    private static RpmPackage fakeBash(String base) {
        Dependencies deps = new Dependencies(
                List.of(Dependency.of("bash"), new Dependency("fake_bash", "EQ", "0", "1.1.1", "1", false)),
                List.of(Dependency.of("super_kernel"), new Dependency("glibc", "GE", "0", "2.17", "", true)),
                List.of(), List.of(), List.of(), List.of(), List.of(Dependency.of("rec")), List.of());
        return new RpmPackage("fake_bash", "x86_64", "0", "1.1.1", "1", "Fake bash", "Fake bash package", "",
                "http://fake_bash_shell.com/", 1334670842, "GPL", "", "System Environment/Shells",
                "localhost.localdomain", "fake_bash-1.1.1-1.src.rpm", 0, 256, deps,
                List.of(new FileEntry("/usr/bin/fake_bash", FileEntry.Type.FILE),
                        new FileEntry("/etc/fake", FileEntry.Type.DIR),
                        new FileEntry("/var/log/fake.log", FileEntry.Type.GHOST)),
                List.of(new Changelog("Tomas Mlcoch <tmlcoch@redhat.com> - 1.1.1-1", 1334664000, "- First release")),
                new FileFacts(ChecksumType.SHA256, PKGID, 2237, 1334670842, 280, 2057),
                new Location("fake_bash-1.1.1-1.x86_64.rpm", base));
    }

    private static String entry(MetadataType type, RpmPackage p) {
        return new String(type.entry(p), StandardCharsets.UTF_8);
    }

    @Test
    void primaryIsWrittenElementForElement() {
        assertThat(entry(MetadataType.PRIMARY, fakeBash(""))).isEqualTo("""
                <package type="rpm">
                  <name>fake_bash</name>
                  <arch>x86_64</arch>
                  <version epoch="0" ver="1.1.1" rel="1"/>
                  <checksum type="sha256" pkgid="YES">%s</checksum>
                  <summary>Fake bash</summary>
                  <description>Fake bash package</description>
                  <packager></packager>
                  <url>http://fake_bash_shell.com/</url>
                  <time file="1334670842" build="1334670842"/>
                  <size package="2237" installed="0" archive="256"/>
                  <location href="fake_bash-1.1.1-1.x86_64.rpm"/>
                  <format>
                    <rpm:license>GPL</rpm:license>
                    <rpm:vendor></rpm:vendor>
                    <rpm:group>System Environment/Shells</rpm:group>
                    <rpm:buildhost>localhost.localdomain</rpm:buildhost>
                    <rpm:sourcerpm>fake_bash-1.1.1-1.src.rpm</rpm:sourcerpm>
                    <rpm:header-range start="280" end="2057"/>
                    <rpm:provides>
                      <rpm:entry name="bash"/>
                      <rpm:entry name="fake_bash" flags="EQ" epoch="0" ver="1.1.1" rel="1"/>
                    </rpm:provides>
                    <rpm:requires>
                      <rpm:entry name="super_kernel"/>
                      <rpm:entry name="glibc" flags="GE" epoch="0" ver="2.17" pre="1"/>
                    </rpm:requires>
                    <rpm:recommends>
                      <rpm:entry name="rec"/>
                    </rpm:recommends>
                    <file>/usr/bin/fake_bash</file>
                    <file type="dir">/etc/fake</file>
                  </format>
                </package>
                """.formatted(PKGID));
    }

    @Test
    void aBaseUrlGoesBeforeTheHref() {
        assertThat(entry(MetadataType.PRIMARY, fakeBash("http://mirror/x & y/")))
                .contains("<location xml:base=\"http://mirror/x &amp; y/\" href=\"fake_bash-1.1.1-1.x86_64.rpm\"/>");
    }

    @Test
    void filelistsListsEveryFileTyped() {
        assertThat(entry(MetadataType.FILELISTS, fakeBash(""))).isEqualTo("""
                <package pkgid="%s" name="fake_bash" arch="x86_64">
                  <version epoch="0" ver="1.1.1" rel="1"/>
                  <file>/usr/bin/fake_bash</file>
                  <file type="dir">/etc/fake</file>
                  <file type="ghost">/var/log/fake.log</file>
                </package>
                """.formatted(PKGID));
    }

    @Test
    void otherCarriesTheChangelog() {
        assertThat(entry(MetadataType.OTHER, fakeBash(""))).isEqualTo("""
                <package pkgid="%s" name="fake_bash" arch="x86_64">
                  <version epoch="0" ver="1.1.1" rel="1"/>
                  <changelog author="Tomas Mlcoch &lt;tmlcoch@redhat.com&gt; - 1.1.1-1" date="1334664000">- First release</changelog>
                </package>
                """.formatted(PKGID));
    }

    @Test
    void textAndAttributesAreEscapedAsLibxml2EscapesThem() {
        RpmPackage p = fakeBash("");
        RpmPackage odd = new RpmPackage("a&b", p.arch(), p.epoch(), p.version(), p.release(), "x < y > z \"q\"",
                "line\r\nnext\ttab", p.packager(), p.url(), p.buildTime(), p.license(), p.vendor(), p.group(),
                p.buildHost(), p.sourceRpm(), 0, 0,
                new Dependencies(List.of(Dependency.of("b\u00edl\u00fd \"x\"\n\t\uD83D\uDE00")), List.of(), List.of(),
                        List.of(), List.of(), List.of(), List.of(), List.of()),
                List.of(), List.of(), p.file(), p.location());
        String primary = entry(MetadataType.PRIMARY, odd);
        assertThat(primary).contains("<name>a&amp;b</name>", "<summary>x &lt; y &gt; z \"q\"</summary>",
                "<description>line&#13;\nnext\ttab</description>",
                "<rpm:entry name=\"b&#xED;l&#xFD; &quot;x&quot;&#10;&#9;&#x1F600;\"/>");
        assertThat(entry(MetadataType.OTHER, odd)).contains("name=\"a&amp;b\"");
    }

    @Test
    void aListOfNamelessEntriesIsAnEmptyElement() {
        RpmPackage p = fakeBash("");
        RpmPackage nameless = new RpmPackage(p.name(), p.arch(), p.epoch(), p.version(), p.release(), p.summary(),
                p.description(), p.packager(), p.url(), p.buildTime(), p.license(), p.vendor(), p.group(),
                p.buildHost(), p.sourceRpm(), 0, 0,
                new Dependencies(List.of(), List.of(), List.of(Dependency.of("")), List.of(), List.of(), List.of(),
                        List.of(), List.of()), List.of(), List.of(), p.file(), p.location());
        assertThat(entry(MetadataType.PRIMARY, nameless)).contains("    <rpm:conflicts/>\n");
    }

    @Test
    void headersAndFootersNameTheFileAndCount() {
        assertThat(MetadataType.PRIMARY.header(12)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<metadata xmlns=\"http://linux.duke.edu/metadata/common\" "
                + "xmlns:rpm=\"http://linux.duke.edu/metadata/rpm\" packages=\"12\">\n");
        assertThat(MetadataType.FILELISTS.header(1)).endsWith(
                "<filelists xmlns=\"http://linux.duke.edu/metadata/filelists\" packages=\"1\">\n");
        assertThat(MetadataType.OTHER.footer()).isEqualTo("</otherdata>");
    }
}
