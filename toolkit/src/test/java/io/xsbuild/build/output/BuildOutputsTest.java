package io.xsbuild.build.output;

import io.xsbuild.build.output.DirectorySnapshot.FileState;
import io.xsbuild.testing.HostTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BuildOutputsTest {

    private static final DirectorySnapshot BEFORE = new DirectorySnapshot(Map.of(
            "Makefile", new FileState(100, 1_000),
            "src/main.c", new FileState(50, 1_000),
            "prebuilt/tool.so", new FileState(10, 1_000)));

    private static final DirectorySnapshot AFTER = new DirectorySnapshot(Map.of(
            "Makefile", new FileState(100, 1_000),
            "src/main.c", new FileState(50, 1_000),
            "prebuilt/tool.so", new FileState(10, 1_000),
            "src/main.o", new FileState(900, 2_000),
            "demo", new FileState(9_000, 2_000),
            "build/lib/libdemo.so", new FileState(5_000, 2_000),
            "version.h", new FileState(20, 2_000)));

    @Test
    void withoutGlobsWhatTheBuildAddedOrChanged() {
        DirectorySnapshot touched = new DirectorySnapshot(Map.of(
                "Makefile", new FileState(100, 1_500),
                "src/main.c", new FileState(51, 1_000),
                "prebuilt/tool.so", new FileState(10, 1_000)));
        assertThat(BuildOutputs.select(BEFORE, AFTER, List.of()))
                .containsExactly("build/lib/libdemo.so", "demo", "src/main.o", "version.h");
        assertThat(BuildOutputs.select(BEFORE, touched, List.of())).containsExactly("Makefile", "src/main.c");
    }

    @Test
    void aGlobWithoutASlashMatchesFileNamesAtAnyDepth() {
        assertThat(BuildOutputs.select(BEFORE, AFTER, List.of("*.so"))).containsExactly("build/lib/libdemo.so", "prebuilt/tool.so");
        assertThat(BuildOutputs.select(BEFORE, AFTER, List.of("demo", "*.h"))).containsExactly("demo", "version.h");
    }

    @Test
    void aGlobWithASlashMatchesPathsFromTheTop() {
        assertThat(BuildOutputs.select(BEFORE, AFTER, List.of("build/**"))).containsExactly("build/lib/libdemo.so");
        assertThat(BuildOutputs.select(BEFORE, AFTER, List.of("src/*.o"))).containsExactly("src/main.o");
        assertThat(BuildOutputs.select(BEFORE, AFTER, List.of("lib/*.so"))).isEmpty();
    }

    @Test
    void aSnapshotTakenOnTheHostEqualsOneReadFromFind(@TempDir Path root) throws Exception {
        HostTools.assume("find");
        Files.createDirectories(root.resolve("a/b"));
        Files.writeString(root.resolve("a/b/file.txt"), "hello");
        Files.writeString(root.resolve("top"), "");
        Files.createSymbolicLink(root.resolve("link"), Path.of("top"));
        Files.setLastModifiedTime(root.resolve("top"), FileTime.fromMillis(1_700_000_000_123L));
        Process find = new ProcessBuilder("sh", "-c", DirectorySnapshot.FIND_COMMAND).directory(root.toFile()).start();
        String output = new String(find.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(find.waitFor()).isZero();
        DirectorySnapshot fromFind = DirectorySnapshot.parseFind(output);
        DirectorySnapshot onHost = DirectorySnapshot.take(root);
        assertThat(fromFind.files().keySet()).containsExactlyInAnyOrder("a/b/file.txt", "top", "link");
        assertThat(fromFind.files().get("a/b/file.txt").size()).isEqualTo(5);
        assertThat(fromFind.files().get("top").mtimeNanos()).isEqualTo(1_700_000_000_123_000_000L);
        assertThat(fromFind.files().keySet()).isEqualTo(onHost.files().keySet());
        assertThat(fromFind.files().get("a/b/file.txt")).isEqualTo(onHost.files().get("a/b/file.txt"));
        assertThat(BuildOutputs.select(onHost, fromFind, List.of())).isEmpty();
    }
}
