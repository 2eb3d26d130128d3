package io.xsbuild.iso;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Looking entries up and streaming them, on an image xorriso made. */
class IsoImageTest {

    @TempDir
    static Path work;

    static IsoImage image;

    @BeforeAll
    static void open() throws Exception {
        Path iso = IsoTools.makeIso(SourceTree.create(work.resolve("src")), work.resolve("image.iso"));
        image = IsoImage.open(iso);
    }

    @AfterAll
    static void close() throws Exception {
        image.close();
    }

    @Test
    void describesTheVolume() throws Exception {
        assertThat(image.volume().names()).isEqualTo(IsoVolume.Names.ROCK_RIDGE);
        assertThat(image.volume().volumeId()).isEqualTo("ISOIMAGE");
        assertThat(image.volume().bytes()).isPositive().isLessThanOrEqualTo(Files.size(image.path()));
    }

    @Test
    void findsEntriesByPathWithoutFollowingLinks() throws Exception {
        String rpm = "Packages/pkg1-1.0-1.x86_64.rpm";
        assertThat(image.find(rpm)).hasValueSatisfying(e -> {
            assertThat(e.path()).isEqualTo(rpm);
            assertThat(e.name()).isEqualTo("pkg1-1.0-1.x86_64.rpm");
            assertThat(e.parent()).isEqualTo("Packages");
            assertThat(e.size()).isEqualTo(1);
        });
        assertThat(image.find("/" + rpm)).isEqualTo(image.find(rpm));
        assertThat(image.find("Packages/")).hasValueSatisfying(e -> assertThat(e.isDirectory()).isTrue());
        assertThat(image.find("latest")).hasValueSatisfying(e -> assertThat(e.symlinkTarget()).isEqualTo("Packages"));
        assertThat(image.find("latest/pkg1-1.0-1.x86_64.rpm")).isEmpty();
        assertThat(image.find(rpm + "/inside")).isEmpty();
        assertThat(image.find("Packages/../README")).isEmpty();
        assertThat(image.find("nowhere")).isEmpty();
        assertThat(image.find("")).isEmpty();
    }

    @Test
    void listsOneDirectory() throws Exception {
        assertThat(image.list("")).extracting(IsoEntry::name)
                .contains(".treeinfo", "Packages", "a", "latest", "empty", "README").doesNotContain("pkg1-1.0-1.x86_64.rpm");
        assertThat(image.list("/Packages")).hasSize(9).allSatisfy(e -> assertThat(e.isFile()).isTrue());
        assertThat(image.list("empty")).isEmpty();
        assertThat(image.list("README")).isEmpty();
        assertThat(image.list("nowhere")).isEmpty();
    }

    @Test
    void walksDirectoriesBeforeWhatTheyHold() throws Exception {
        List<String> paths = image.entries().stream().map(IsoEntry::path).toList();
        for (String path : paths) {
            if (path.contains("/")) {
                assertThat(paths.indexOf(path.substring(0, path.lastIndexOf('/')))).isLessThan(paths.indexOf(path));
            }
        }
        assertThat(image.entries()).isSameAs(image.entries());
    }

    @Test
    void streamsFilesFromManyThreadsAtOnce() throws Exception {
        Map<String, String> sequential = new ConcurrentHashMap<>();
        List<IsoEntry> files = image.entries().stream().filter(IsoEntry::isFile).toList();
        for (IsoEntry file : files) {
            try (InputStream in = image.open(file)) {
                sequential.put(file.path(), TreeSnapshot.sha256(in));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map.Entry<String, String>>> results = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                for (IsoEntry file : files) {
                    Callable<Map.Entry<String, String>> read = () -> {
                        try (InputStream in = image.open(file)) {
                            return Map.entry(file.path(), TreeSnapshot.sha256(in));
                        }
                    };
                    results.add(pool.submit(read));
                }
            }
            for (Future<Map.Entry<String, String>> result : results) {
                Map.Entry<String, String> digest = result.get();
                assertThat(digest.getValue()).isEqualTo(sequential.get(digest.getKey()));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void streamsOnlyFiles() throws Exception {
        IsoEntry dir = image.find("Packages").orElseThrow();
        assertThatThrownBy(() -> image.open(dir)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DIRECTORY");
        IsoEntry file = image.find("Packages/pkg6-1.0-6.x86_64.rpm").orElseThrow();
        try (InputStream in = image.open(file)) {
            assertThat(in.available()).isPositive();
            assertThat(in.skip(100_000)).isEqualTo(100_000);
            assertThat(in.read()).isNotNegative();
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.skip(10)).isZero();
        }
    }
}
