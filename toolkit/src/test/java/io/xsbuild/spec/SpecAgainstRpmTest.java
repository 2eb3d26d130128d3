package io.xsbuild.spec;

import io.xsbuild.testing.HostTools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What xsbuild reads and writes of each spec shape, checked against rpmspec's own reading. */
class SpecAgainstRpmTest {

    private static final String DESCRIBE = "0.10.0-8-g96c3fcc-dirty";
    private static final String BODY = """

            %description
            x

            %package extra
            Summary: extra
            Release: 77

            %description extra
            y

            %prep
            %changelog
            * Mon Jan 01 2024 A <a@b> - 1-1
            - Release: not a tag
            """;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void rpmspec() {
        HostTools.assume("rpmspec");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Name: demo\nVersion: 0.9.6\nRelease: 1%{?dist}\nSummary: s\nLicense: MIT\nSource0: %{name}-%{version}.tar.gz\n",
            "Name: demo\nVersion: 0.9.6\nRelease: 1\nSummary: s\nLicense: MIT\nSource: demo-0.9.6.tar.gz\n",
            "%global ver 2.1\n%define rel 4%{?dist}\nName: lib%{?nosuch}demo\nVersion: %{ver}\nRelease: %{rel}\nSummary: s\n"
                    + "License: MIT\nURL: https://example.com/%{name}\nSource0: %{url}/archive/v%{version}.tar.gz#/%{name}-%{version}.tar.gz\n",
            "%{!?with_x: %global with_x 1}\nName: demo\nVersion: 3\nRelease: 2%{?dist}.xs\nSummary: s\nLicense: MIT\n"
                    + "Source0: https://example.com/%{name}/%{version}/%{name}-%{version}.tgz\nPatch0: a.patch\n",
            "Name:\tdemo\nVersion:\t1.0\nRelease:\t%{?release_num}%{!?release_num:1}%{dist}\nSummary: s\nLicense: MIT\nSource0: %{name}-%{version}.tar.gz\n",
    })
    void readsAndStampsAsRpmReads(String preamble) throws Exception {
        SpecFile spec = SpecFile.parse(tmp.resolve("demo.spec"), preamble + BODY);
        String release = GitVersioning.stampRelease(spec, spec.required("Release").value(), DESCRIBE);
        SpecFile stamped = spec.withTag("Release", release).withTag("Version", "0.10.0");
        Files.writeString(spec.path(), stamped.text());

        String[] nvr = rpmspec("-q", "--srpm", "--qf", "%{name}|%{version}|%{release}").split("\\|");
        assertThat(nvr[0]).isEqualTo(stamped.expanded("Name"));
        assertThat(nvr[1]).isEqualTo(stamped.expanded("Version")).isEqualTo("0.10.0");
        String rpmRelease = nvr[2];
        assertThat(rpmRelease).contains("+s0+0.10.0+8+g96c3fcc+dirty");
        assertThat(rpmRelease.substring(0, rpmRelease.indexOf("+s0+"))).isIn("1", "4", "2");
        assertThat(rpmRelease).doesNotContain(".el7+s0+");

        Matcher source0 = Pattern.compile("(?m)^Source0?:\\s*(\\S+)").matcher(rpmspec("-P"));
        assertThat(source0.find()).isTrue();
        String url = source0.group(1);
        assertThat(stamped.source0File()).isEqualTo(url.substring(url.lastIndexOf('/') + 1));
    }

    private static String rpmspec(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("rpmspec", "--define", "dist .el7", "--define", "release_num 1"));
        command.addAll(List.of(args));
        command.add(tmp.resolve("demo.spec").toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.trim();
    }
}
