package io.xsbuild.repo;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PackageOrderTest {

    @Test
    void sortsByFileNameBytewiseThenByDirectory() {
        List<String> hrefs = new ArrayList<>(List.of("b/x.rpm", "abc.rpm", "a/x.rpm", "Zed.rpm", "x.rpm",
                "a-b/y.rpm", "a/b/y.rpm", "\u00e9.rpm", "z.rpm"));
        hrefs.sort(PackageOrder.HREFS);
        assertThat(hrefs).containsExactly("Zed.rpm", "abc.rpm", "x.rpm", "a/x.rpm", "b/x.rpm", "a-b/y.rpm",
                "a/b/y.rpm", "z.rpm", "\u00e9.rpm");
    }

    @Test
    void sortingFilesGivesTheSameOrder() {
        List<String> hrefs = List.of("z.rpm", "b/x.rpm", "Zed.rpm", "a/b/y.rpm", "x.rpm", "a-b/y.rpm", "a/x.rpm");
        List<PackageFile> files = hrefs.stream().map(h -> new PackageFile(Path.of(h), h, 0, 0)).toList();
        List<String> expected = new ArrayList<>(hrefs);
        expected.sort(PackageOrder.HREFS);
        assertThat(PackageOrder.sort(files)).extracting(PackageFile::href).isEqualTo(expected);
    }
}
