package io.xsbuild.build.source;

import io.xsbuild.build.output.DirectorySnapshot;
import io.xsbuild.event.Events;
import io.xsbuild.git.Checkouts;
import io.xsbuild.git.TestRepository;
import io.xsbuild.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrepareTreeTest {

    @TempDir
    Path tmp;

    @Test
    void copiesTrackedFilesAsTheyAreInTheWorkTree() throws Exception {
        TestRepository repo = TestRepository.init(tmp.resolve("demo"));
        repo.write("Makefile", "all:\n\tcc -o demo src/main.c\n");
        repo.write("src/main.c", "int main(void) { return 0; }\n");
        repo.write("gone.txt", "to be deleted\n");
        repo.executable("tools/gen.sh", "#!/bin/sh\n");
        repo.symlink("main.c", "src/main.c");
        repo.write(".gitignore", "*.o\n");
        repo.commitAll("demo");
        repo.write("src/main.c", "int main(void) { return 1; }\n");
        Files.setLastModifiedTime(repo.dir().resolve("src/main.c"), FileTime.fromMillis(1_600_000_000_000L));
        Files.delete(repo.dir().resolve("gone.txt"));
        repo.write("untracked.txt", "no\n");
        repo.write("main.o", "ignored\n");

        SourcePreparer preparer = new SourcePreparer(new Checkouts(tmp.resolve("cache"), Events.NONE), Events.NONE);
        PreparedTree tree = preparer.prepareTree(BuildRequest.of(repo.dir().toString()), tmp.resolve("copy"), false);

        Path copy = tree.dir();
        assertThat(tree.dirty()).isTrue();
        assertThat(tree.describe()).isEqualTo(repo.git("describe", "--tags", "--always", "--dirty"));
        assertThat(tree.commit()).isEqualTo(repo.git("rev-parse", "HEAD"));
        assertThat(DirectorySnapshot.take(copy).files().keySet())
                .containsExactlyInAnyOrder(".gitignore", "Makefile", "main.c", "src/main.c", "tools/gen.sh");
        assertThat(Files.readString(copy.resolve("src/main.c"))).isEqualTo("int main(void) { return 1; }\n");
        assertThat(Files.getLastModifiedTime(copy.resolve("src/main.c")).toMillis()).isEqualTo(1_600_000_000_000L);
        assertThat(Files.isExecutable(copy.resolve("tools/gen.sh"))).isTrue();
        assertThat(Files.readSymbolicLink(copy.resolve("main.c"))).isEqualTo(Path.of("src/main.c"));
        assertThat(tree.submodules()).isEmpty();
    }

    @Test
    void theSpecForBuildRequiresIsTheTrackedOneOrNone() throws Exception {
        TestRepository repo = TestRepository.init(tmp.resolve("demo"));
        repo.write("Makefile", "all:\n");
        repo.commitAll("no spec");
        SourcePreparer preparer = new SourcePreparer(new Checkouts(tmp.resolve("cache"), Events.NONE), Events.NONE);
        BuildRequest request = BuildRequest.of(repo.dir().toString());

        assertThat(preparer.prepareTree(request, tmp.resolve("none"), true).spec()).isNull();

        repo.write("SPECS/demo.spec", "Name: demo\n");
        assertThatThrownBy(() -> preparer.prepareTree(request, tmp.resolve("untracked"), true))
                .isInstanceOf(SpecException.class)
                .hasMessage(repo.dir().resolve("SPECS/demo.spec") + " is not a file git tracks in " + repo.dir()
                        + ", so the build's copy of the checkout lacks it");
        assertThat(preparer.prepareTree(request, tmp.resolve("unlooked"), false).spec()).isNull();

        repo.commitAll("spec");
        assertThat(preparer.prepareTree(request, tmp.resolve("tracked"), true).spec()).isEqualTo("SPECS/demo.spec");
    }
}
