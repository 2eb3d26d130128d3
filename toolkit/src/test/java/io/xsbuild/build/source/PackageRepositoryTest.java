package io.xsbuild.build.source;

import io.xsbuild.cli.Flags;
import io.xsbuild.error.UsageException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.git.Checkouts;
import io.xsbuild.git.LfsPointers;
import io.xsbuild.git.TestRepository;
import io.xsbuild.testing.HostTools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Checkouts laid out as XCP-ng's package repositories are: SPECS/NAME.spec, SOURCES/ with the upstream tarball. */
class PackageRepositoryTest {

    static final String SPEC = """
            Name:           pkg
            Version:        1.2
            Release:        3%{?dist}
            Summary:        A packaged upstream release
            License:        MIT
            Source0:        https://example.org/%{name}-%{version}.tar.gz
            Patch0:         fix.patch
            BuildArch:      noarch

            %description
            Packaged.

            %prep
            %autosetup -p1

            %files
            """;

    /** Stands for the upstream tarball: its bytes must arrive as they are. */
    static final byte[] TARBALL = "not really a tarball, but bytes to keep\n".repeat(40).getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path tmp;

    private TestRepository repo;

    @BeforeEach
    void init() {
        repo = TestRepository.init(tmp.resolve("pkg"));
        repo.write("SPECS/pkg.spec", SPEC);
        repo.write("SOURCES/fix.patch", "--- a/x\n+++ b/x\n");
        writeBytes(repo.dir().resolve("SOURCES/pkg-1.2.tar.gz"), TARBALL);
        repo.commitAll("import pkg 1.2");
    }

    private static void writeBytes(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private PreparedSources prepare(BuildRequest request, LfsPointers lfs) throws Exception {
        return new SourcePreparer(new Checkouts(tmp.resolve("cache"), Events.NONE), Events.NONE, lfs)
                .prepare(request, tmp.resolve("top"));
    }

    private PreparedSources prepare(String path) throws Exception {
        return prepare(BuildRequest.of(path), LfsPointers.onPath());
    }

    @Test
    void itIsBuiltAsItsSpecHasItWithTheTarballItCarriesAndNoTagNeeded() throws Exception {
        PreparedSources p = prepare(repo.dir().toString());
        assertThat(p.version()).isEqualTo("1.2");
        assertThat(p.release()).isEqualTo("3%{?dist}");
        assertThat(Files.readString(p.specFile())).isEqualTo(SPEC);
        assertThat(Files.readAllBytes(p.source0())).isEqualTo(TARBALL);
        assertThat(p.source0()).isEqualTo(p.sourcesDir().resolve("pkg-1.2.tar.gz"));
        assertThat(p.sourcesDir().resolve("fix.patch")).hasContent("--- a/x\n+++ b/x");
        assertThat(p.describe()).as("informational: the commit").isEqualTo(repo.git("rev-parse", "--short", "HEAD"));
    }

    @Test
    void describeVersioningStampsTheReleaseButKeepsTheCarriedTarball() throws Exception {
        repo.annotatedTag("1.2-3");
        PreparedSources p = prepare(new BuildRequest(repo.dir().toString(), null, null, null, false, false,
                Versioning.DESCRIBE), LfsPointers.onPath());
        assertThat(p.release()).isEqualTo("3+s0+1.2+3%{?dist}");
        assertThat(Files.readAllBytes(p.source0())).isEqualTo(TARBALL);
    }

    @Test
    void aPackageFolderOfACheckoutOfSeveralIsBuiltOnItsOwn() throws Exception {
        TestRepository many = TestRepository.init(tmp.resolve("rpms"));
        many.write("README", "packages\n");
        many.write("pkg/SPECS/pkg.spec", SPEC);
        many.write("pkg/SOURCES/fix.patch", "--- a/x\n+++ b/x\n");
        writeBytes(many.dir().resolve("pkg/SOURCES/pkg-1.2.tar.gz"), TARBALL);
        many.write("other/SPECS/other.spec", SPEC.replace("Name:           pkg", "Name:           other"));
        many.commitAll("two packages");
        PreparedSources p = prepare(many.dir().resolve("pkg").toString());
        assertThat(p.name()).isEqualTo("pkg");
        assertThat(Files.readAllBytes(p.source0())).isEqualTo(TARBALL);
    }

    @Test
    void aGitLfsPointerWithoutGitLfsIsRefusedSayingWhatToRun() throws Exception {
        writeBytes(repo.dir().resolve("SOURCES/pkg-1.2.tar.gz"), ("version https://git-lfs.github.com/spec/v1\n"
                + "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n")
                .getBytes(StandardCharsets.US_ASCII));
        repo.commitAll("as git lfs leaves it");
        UsageException e = catchThrowableOfType(UsageException.class, () -> prepare(BuildRequest.of(repo.dir().toString()),
                new LfsPointers(tmp.resolve("no-such-git").toString())));
        assertThat(e.userMessage()).isEqualTo("SOURCES/pkg-1.2.tar.gz is a Git LFS pointer in " + repo.dir().toRealPath()
                + ", not the files: run git lfs pull there (git-lfs installed: apt-get install -y git-lfs), then build again");
    }

    @Test
    void aGitLfsPointerIsFetchedWithGitLfsPullWhereGitLfsIsInstalled() throws Exception {
        HostTools.assume("git-lfs");
        Path remote = tmp.resolve("remote.git");
        TestRepository origin = TestRepository.init(tmp.resolve("lfs"));
        origin.git("lfs", "install", "--local");
        origin.git("lfs", "track", "SOURCES/*.tar.gz");
        origin.write("SPECS/pkg.spec", SPEC);
        origin.write("SOURCES/fix.patch", "--- a/x\n+++ b/x\n");
        writeBytes(origin.dir().resolve("SOURCES/pkg-1.2.tar.gz"), TARBALL);
        origin.commitAll("import with lfs");
        origin.git("init", "-q", "--bare", remote.toString());
        origin.git("remote", "add", "origin", remote.toUri().toString());
        origin.git("push", "-q", "origin", "HEAD:refs/heads/main");
        origin.git("lfs", "push", "--all", "origin");
        TestRepository clone = TestRepository.init(tmp.resolve("clone"));
        clone.git("remote", "add", "origin", remote.toUri().toString());
        clone.git("fetch", "-q", "origin");
        clone.git("checkout", "-q", "-b", "main", "origin/main");
        assertThat(LfsPointers.isPointer(clone.dir().resolve("SOURCES/pkg-1.2.tar.gz"))).as("the clone has a pointer").isTrue();

        PreparedSources p = prepare(clone.dir().toString());
        assertThat(Files.readAllBytes(p.source0())).isEqualTo(TARBALL);
        assertThat(clone.dir().resolve("SOURCES/pkg-1.2.tar.gz")).hasBinaryContent(TARBALL);
    }

    @Test
    void specVersioningDoesNotGoWithVersionFromTag() {
        XsbuildException e = catchThrowableOfType(XsbuildException.class, () -> prepare(new BuildRequest(repo.dir().toString(),
                null, null, null, true, false, Versioning.SPEC), LfsPointers.onPath()));
        assertThat(Flags.message(e)).contains("--version-from-tag stamps the spec with git describe");
        assertThat(List.of(Versioning.values())).contains(Versioning.AUTO);
    }
}
