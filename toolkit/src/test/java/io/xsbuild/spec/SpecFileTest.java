package io.xsbuild.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecFileTest {

    static final String DEMO = """
            # The demo package
            %global debug_package %{nil}
            Name:           demo
            Version:        0.9.6
            Release:        1%{?dist}
            Summary:        A demo
            License:        LGPL
            URL:            https://github.com/xapi-project/%{name}
            Source0:        %{url}/archive/v%{version}/%{name}-%{version}.tar.gz
            Source1:        demo.service
            Patch0:         0001-fix.patch
            Patch1:         %{name}-tweak.patch

            %description
            Demo.

            %package devel
            Summary:        Headers
            Version:        9.9
            Release:        7

            %description devel
            Headers.

            %prep
            %autosetup -p1

            %changelog
            * Mon Jan 01 2024 Someone <a@b> - 0.9.6-1
            - Release: 3 in the changelog is not a tag
            """;

    static SpecFile spec(String text) {
        return SpecFile.parse(Path.of("/src/demo/demo.spec"), text);
    }

    @Test
    void readsTheMainPackagesTagsExpanded() throws Exception {
        SpecFile s = spec(DEMO);
        assertThat(s.expanded("Name")).isEqualTo("demo");
        assertThat(s.expanded("Version")).isEqualTo("0.9.6");
        assertThat(s.required("Release").value()).isEqualTo("1%{?dist}");
        assertThat(s.source0File()).isEqualTo("demo-0.9.6.tar.gz");
        assertThat(s.otherSourceFiles()).containsExactly("demo.service", "0001-fix.patch", "demo-tweak.patch");
    }

    @Test
    void subpackageTagsAreNotTheMainPackages() throws Exception {
        SpecFile s = spec(DEMO);
        assertThat(s.tag("Version")).get().extracting(SpecFile.TagLine::line).isEqualTo(3);
        assertThat(s.tag("Release")).get().extracting(SpecFile.TagLine::value).isEqualTo("1%{?dist}");
    }

    @Test
    void rewritingATagChangesThatLineAlone() throws Exception {
        SpecFile s = spec(DEMO).withTag("Release", "1+s0+0.10.0%{?dist}").withTag("Version", "0.10.0");
        String expected = DEMO.replace("Release:        1%{?dist}", "Release:        1+s0+0.10.0%{?dist}")
                .replace("Version:        0.9.6", "Version:        0.10.0");
        assertThat(s.text()).isEqualTo(expected);
        assertThat(s.source0File()).isEqualTo("demo-0.10.0.tar.gz");
    }

    @Test
    void keepsWindowsLineEndingsAndTheLackOfAFinalNewline() throws Exception {
        String text = "Name: a\r\nVersion: 1\r\nRelease: 1\r\nSource: a-1.tgz";
        assertThat(spec(text).withTag("Release", "2").text()).isEqualTo("Name: a\r\nVersion: 1\r\nRelease: 2\r\nSource: a-1.tgz");
    }

    @Test
    void writesEveryOtherByteAsItWasWhateverTheEncoding(@TempDir Path dir) throws Exception {
        byte[] utf8 = "Name: a\nVersion: 1\nRelease: 1\n%changelog\n* Müller\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "- Jürgen\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] original = ByteBuffer.allocate(utf8.length + latin1.length).put(utf8).put(latin1).array();
        Path file = Files.write(dir.resolve("a.spec"), original);
        SpecFile.read(file).withTag("Release", "2").write(dir.resolve("out.spec"));
        byte[] written = Files.readAllBytes(dir.resolve("out.spec"));
        assertThat(new String(written, StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(original, StandardCharsets.ISO_8859_1).replace("Release: 1", "Release: 2"));
    }

    @Test
    void sourceWithoutANumberIsSource0AndTagsAreCaseInsensitive() throws Exception {
        SpecFile s = spec("name: x\nVERSION: 2\nrelease: 1\nsource: https://example.com/dl/x-2.tar.gz#/x-2.tar.gz\npatch: a.patch\n");
        assertThat(s.source0File()).isEqualTo("x-2.tar.gz");
        assertThat(s.otherSourceFiles()).containsExactly("a.patch");
    }

    @Test
    void definesAndGlobalsFeedTheTags() throws Exception {
        SpecFile s = spec("""
                %define major 4
                %global minor 2
                %global pkgname libfoo
                Name: %{pkgname}
                Version: %{major}.%{minor}
                Release: 1
                Source0: %{name}-%{version}.tar.gz
                """);
        assertThat(s.expanded("Name")).isEqualTo("libfoo");
        assertThat(s.source0File()).isEqualTo("libfoo-4.2.tar.gz");
    }

    @Test
    void aTagSetTwiceInThePreambleIsRefusedNamingTheLines() {
        SpecFile s = spec("Name: a\nVersion: 1\n%if 0%{?rhel} == 7\nRelease: 1\n%else\nRelease: 2\n%endif\n");
        assertThatThrownBy(() -> s.required("Release"))
                .isInstanceOf(SpecException.class)
                .hasMessage("demo.spec sets Release 2 times in its preamble (lines 4, 6)");
    }

    @Test
    void aMissingTagIsAnErrorWithAnExample() {
        assertThatThrownBy(() -> spec("Name: a\nVersion: 1\nRelease: 1\n").source0File())
                .isInstanceOf(SpecException.class)
                .hasMessage("demo.spec has no Source0: line in its preamble")
                .satisfies(e -> assertThat(((SpecException) e).userMessage()).endsWith("Source0: %{name}-%{version}.tar.gz"));
    }

    @Test
    void anUnexpandableVersionIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> spec("Name: a\nVersion: %(cat VERSION)\n").expanded("Version"))
                .isInstanceOf(SpecException.class)
                .hasMessageStartingWith("Cannot evaluate Version of demo.spec (line 2: %(cat VERSION))");
    }
}
