package io.xsbuild.build.source;

import io.xsbuild.cli.Flags;
import io.xsbuild.event.Events;
import io.xsbuild.git.Checkouts;
import io.xsbuild.git.NoTagException;
import io.xsbuild.git.TestRepository;
import io.xsbuild.spec.SpecException;
import io.xsbuild.testing.HostTools;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The preparation end to end on real repositories, and rpmbuild on the host making the SRPM from it. */
class SourcePreparerTest {

    static final String SPEC = """
            # demo: a package built from git
            %global debug_package %{nil}
            Name:           demo
            Version:        0.9.6
            Release:        1%{?dist}
            Summary:        Demo
            License:        MIT
            URL:            https://example.com/%{name}
            Source0:        %{url}/archive/%{version}/%{name}-%{version}.tar.gz
            Source1:        demo.conf
            Patch0:         0001-demo.patch
            BuildArch:      noarch

            %description
            Demo.

            %prep
            %setup -q

            %build

            %install

            %files

            %changelog
            * Mon Jan 01 2024 Test <test@example.com> - 0.9.6-1
            - First
            """;

    @TempDir
    Path tmp;

    private TestRepository repo;
    private SourcePreparer preparer;

    @BeforeEach
    void init() {
        repo = TestRepository.init(tmp.resolve("demo"));
        repo.write("SPECS/demo.spec", SPEC);
        repo.write("SPECS/demo.conf", "setting = 1\n");
        repo.write("SOURCES/0001-demo.patch", "--- a\n+++ b\n");
        repo.write("src/demo.c", "int main(void) { return 0; }\n");
        repo.commitAll("demo");
        repo.annotatedTag("0.10.0");
        for (int i = 0; i < 8; i++) {
            repo.commit("src/demo.c", "int main(void) { return " + i + "; }\n");
        }
        preparer = new SourcePreparer(new Checkouts(tmp.resolve("cache"), Events.NONE), Events.NONE);
    }

    private PreparedSources prepare(BuildRequest request, String dir) throws Exception {
        return preparer.prepare(request, tmp.resolve(dir));
    }

    private String shortHead() {
        return repo.git("rev-parse", "--short", "HEAD");
    }

    @Test
    void stampsTheReleaseAndGathersTheSources() throws Exception {
        PreparedSources p = prepare(BuildRequest.of(repo.dir().toString()), "top");
        String expected = "1+s0+0.10.0+8+g" + shortHead() + "%{?dist}";
        assertThat(p.describe()).isEqualTo(repo.git("describe", "--tags", "--dirty"));
        assertThat(p.release()).isEqualTo(expected);
        assertThat(p.name()).isEqualTo("demo");
        assertThat(p.version()).isEqualTo("0.9.6");
        assertThat(p.commit()).isEqualTo(repo.git("rev-parse", "HEAD"));
        assertThat(p.sourceDateEpoch()).isEqualTo(Long.parseLong(repo.git("log", "-1", "--format=%ct")));
        assertThat(p.dirty()).isFalse();
        assertThat(p.specFile()).isEqualTo(tmp.resolve("top/SPECS/demo.spec"));
        assertThat(Files.readString(p.specFile())).isEqualTo(SPEC.replace("1%{?dist}", expected));
        try (var files = Files.list(p.sourcesDir())) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("0001-demo.patch", "demo-0.9.6.tar.gz", "demo.conf");
        }
        assertThat(p.source0()).isEqualTo(p.sourcesDir().resolve("demo-0.9.6.tar.gz"));
        assertThat(Files.getLastModifiedTime(p.source0()).toMillis()).isEqualTo(p.sourceDateEpoch() * 1000);
        assertThat(tarNames(p.source0())).allMatch(n -> n.startsWith("demo-0.9.6/")).contains("demo-0.9.6/src/demo.c");
    }

    @Test
    void exactlyOnATagWithVersionFromTag() throws Exception {
        repo.annotatedTag("v0.10.1");
        PreparedSources p = prepare(new BuildRequest(repo.dir().toString(), null, null, null, true, false, null), "top");
        assertThat(p.version()).isEqualTo("0.10.1");
        assertThat(p.release()).isEqualTo("1+s0+v0.10.1%{?dist}");
        assertThat(p.source0().getFileName()).hasToString("demo-0.10.1.tar.gz");
        assertThat(tarNames(p.source0())).allMatch(n -> n.startsWith("demo-0.10.1/"));
        assertThat(Files.readString(p.specFile())).contains("Version:        0.10.1\n");
    }

    @Test
    void aDirtyTreeIsStampedAndItsChangesAreInSource0() throws Exception {
        repo.write("src/demo.c", "uncommitted\n");
        PreparedSources p = prepare(BuildRequest.of(repo.dir().toString()), "top");
        assertThat(p.dirty()).isTrue();
        assertThat(p.release()).isEqualTo("1+s0+0.10.0+8+g" + shortHead() + "+dirty%{?dist}");
        assertThat(tarContent(p.source0(), "demo-0.9.6/src/demo.c")).isEqualTo("uncommitted\n");
    }

    @Test
    void aRefOfAUrlIsBuiltFromTheCache() throws Exception {
        PreparedSources p = prepare(new BuildRequest(repo.dir().toUri().toString(), "0.10.0", null, null, false, false, null), "top");
        assertThat(p.release()).isEqualTo("1+s0+0.10.0%{?dist}");
        assertThat(tarContent(p.source0(), "demo-0.9.6/src/demo.c")).isEqualTo("int main(void) { return 0; }\n");
    }

    @Test
    void noTagIsAnErrorUnlessAlways() throws Exception {
        repo.git("tag", "-d", "0.10.0");
        assertThatThrownBy(() -> prepare(BuildRequest.of(repo.dir().toString()), "top")).isInstanceOf(NoTagException.class);
        PreparedSources p = prepare(new BuildRequest(repo.dir().toString(), null, null, null, false, true, null), "top");
        assertThat(p.release()).isEqualTo("1+s0+" + shortHead() + "%{?dist}");
        assertThat(Flags.message(catchThrowableOfType(SpecException.class,
                () -> prepare(new BuildRequest(repo.dir().toString(), null, null, null, true, true, null), "other"))))
                .contains("--version-from-tag needs a tag");
    }

    @Test
    void aMissingPatchIsNamedWithWhereItWasLookedFor() throws IOException {
        repo.git("rm", "-q", "SOURCES/0001-demo.patch");
        repo.commitAll("drop the patch");
        Path root = repo.dir().toRealPath();
        assertThatThrownBy(() -> prepare(BuildRequest.of(repo.dir().toString()), "top"))
                .isInstanceOf(SpecException.class)
                .hasMessage("demo.spec needs 0001-demo.patch, which is neither in " + root.resolve("SPECS")
                        + " nor in " + root.resolve("SOURCES"));
    }

    @Test
    void aSource0ThatIsNotAGzipTarballIsRefused() {
        repo.write("SPECS/demo.spec", SPEC.replace("%{name}-%{version}.tar.gz", "%{name}-%{version}.tar.xz"));
        repo.commitAll("xz");
        assertThatThrownBy(() -> prepare(BuildRequest.of(repo.dir().toString()), "top"))
                .isInstanceOf(SpecException.class)
                .hasMessage("Source0 of demo.spec is demo-0.9.6.tar.xz, but xsbuild makes it a gzip tarball of the commit");
    }

    @Test
    void twoPreparationsOfOneCommitGiveByteIdenticalSource0() throws Exception {
        PreparedSources a = prepare(BuildRequest.of(repo.dir().toString()), "a");
        Thread.sleep(1100);
        PreparedSources b = prepare(BuildRequest.of(repo.dir().toUri().toString()), "b");
        assertThat(b.commit()).isEqualTo(a.commit());
        assertThat(Files.readAllBytes(b.source0())).isEqualTo(Files.readAllBytes(a.source0()));
    }

    @Test
    void rpmbuildMakesAnSrpmNamedWithTheRelease() throws Exception {
        HostTools.assume("rpmbuild");
        PreparedSources p = prepare(BuildRequest.of(repo.dir().toString()), "top");
        Path srpm = rpmbuildSource(p, ".el7");
        assertThat(srpm.getFileName()).hasToString("demo-0.9.6-1+s0+0.10.0+8+g" + shortHead() + ".el7.src.rpm");
    }

    @Test
    void twoPreparationsOfOneCommitInOneTopDirGiveIdenticalSrpms() throws Exception {
        HostTools.assume("rpmbuild");
        HostTools.assume("rpm2cpio");
        Path first = Files.copy(rpmbuildSource(prepare(BuildRequest.of(repo.dir().toString()), "top"), ""), tmp.resolve("first.rpm"));
        try (WorkDir top = WorkDir.under(tmp, "unused")) {
            Files.move(tmp.resolve("top"), top.path().resolve("gone"));
        }
        Thread.sleep(1100);
        Path second = rpmbuildSource(prepare(BuildRequest.of(repo.dir().toUri().toString()), "top"), "");
        assertThat(run(List.of("rpm2cpio", second.toString()), Map.of(), false).bytes)
                .as("payload").isEqualTo(run(List.of("rpm2cpio", first.toString()), Map.of(), false).bytes);
        assertThat(Files.readAllBytes(second)).as("the whole SRPM").isEqualTo(Files.readAllBytes(first));
    }

    private Path rpmbuildSource(PreparedSources p, String dist) throws Exception {
        List<String> command = new ArrayList<>(List.of("rpmbuild", "-bs"));
        if (!dist.isEmpty()) {
            command.addAll(List.of("--define", "dist " + dist));
        }
        command.addAll(p.rpmbuildDefines(p.topDir().toString()));
        command.add(p.specFile().toString());
        Output out = run(command, p.rpmbuildEnvironment(p.topDir().toString()), true);
        assertThat(out.exit).as(out.text()).isZero();
        try (var files = Files.list(p.topDir().resolve("SRPMS"))) {
            return files.findFirst().orElseThrow();
        }
    }

    private record Output(int exit, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static Output run(List<String> command, Map<String, String> env, boolean withErrors) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (withErrors) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        return new Output(p.waitFor(), out);
    }

    static List<String> tarNames(Path tgz) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = open(tgz)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    static String tarContent(Path tgz, String name) throws IOException {
        try (TarArchiveInputStream tar = open(tgz)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " is not in " + tgz);
    }

    private static TarArchiveInputStream open(Path tgz) throws IOException {
        InputStream in = new GZIPInputStream(Files.newInputStream(tgz));
        return new TarArchiveInputStream(in);
    }
}
