package io.xsbuild.chain;

import io.xsbuild.build.source.RpmbuildOptions;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.xsbuild.chain.ChainGraphTest.node;
import static org.assertj.core.api.Assertions.assertThat;

class BuildCacheTest {

    @Test
    void everyInputOfABuildChangesItsKeyAndTheOrderOfThePackagesItBuildsAgainstDoesNot() {
        ChainNode n = node("xapi", List.of(), "xapi");
        String base = BuildCache.key(n, "sha256:img", "xs8", RpmbuildOptions.NONE, false, List.of("a", "b"));
        Set<String> keys = new HashSet<>(List.of(base,
                BuildCache.key(new ChainNode("xapi", n.input(), n.source(), n.buildRequires(), n.outputs(), "other"),
                        "sha256:img", "xs8", RpmbuildOptions.NONE, false, List.of("a", "b")),
                BuildCache.key(n, "sha256:other", "xs8", RpmbuildOptions.NONE, false, List.of("a", "b")),
                BuildCache.key(n, "sha256:img", "el9", RpmbuildOptions.NONE, false, List.of("a", "b")),
                BuildCache.key(n, "sha256:img", "xs8", new RpmbuildOptions(List.of("dist .xs8"), List.of(), List.of(), false,
                        null), false, List.of("a", "b")),
                BuildCache.key(n, "sha256:img", "xs8", RpmbuildOptions.NONE, true, List.of("a", "b")),
                BuildCache.key(n, "sha256:img", "xs8", RpmbuildOptions.NONE, false, List.of("a", "c"))));
        assertThat(keys).hasSize(7);
        assertThat(BuildCache.key(n, "sha256:img", "xs8", RpmbuildOptions.NONE, false, List.of("b", "a"))).isEqualTo(base);
    }
}
