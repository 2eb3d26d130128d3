package io.xsbuild.chain;

import io.xsbuild.build.source.RepoSrpm;
import io.xsbuild.error.UsageException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

public class ChainGraphTest {

    /** A node making {@code outputs} ("name" or "name:provide,provide" or "name>require,require"). */
    public static ChainNode node(String name, List<String> buildRequires, String... outputs) {
        List<ChainNode.Output> outs = new java.util.ArrayList<>();
        for (String out : outputs) {
            String[] requires = out.split(">", 2);
            String[] provides = requires[0].split(":", 2);
            outs.add(new ChainNode.Output(provides[0],
                    provides.length > 1 ? List.of(provides[1].split(",")) : List.of(provides[0]),
                    requires.length > 1 ? List.of(requires[1].split(",")) : List.of()));
        }
        return new ChainNode(name, new ChainInput.Named(name, name), new RepoSrpm(name), buildRequires, outs, "h-" + name);
    }

    @Test
    void aLibraryComesBeforeItsDependentsAndTheirsAfterThem() throws Exception {
        ChainGraph g = ChainGraph.of(List.of(
                node("xsdemo-report", List.of("xsdemo-tools", "gcc"), "xsdemo-report"),
                node("xsdemo-hello", List.of("xsdemo-devel"), "xsdemo-hello"),
                node("xsdemo", List.of("gcc"), "xsdemo", "xsdemo-devel>xsdemo"),
                node("xsdemo-tools", List.of("xsdemo-devel", "make"), "xsdemo-tools")));
        assertThat(g.dependsOn("xsdemo")).isEmpty();
        assertThat(g.dependsOn("xsdemo-hello")).containsExactly("xsdemo");
        assertThat(g.dependsOn("xsdemo-report")).containsExactly("xsdemo-tools");
        assertThat(g.levels()).containsExactly(List.of("xsdemo"), List.of("xsdemo-hello", "xsdemo-tools"), List.of("xsdemo-report"));
        assertThat(g.dependentsOf("xsdemo")).containsExactlyInAnyOrder("xsdemo-hello", "xsdemo-tools", "xsdemo-report");
        assertThat(g.order()).containsExactly("xsdemo", "xsdemo-hello", "xsdemo-tools", "xsdemo-report");
    }

    @Test
    void theRuntimeRequiresOfAnOutputItNeedsAreNeededToo() throws Exception {
        ChainGraph g = ChainGraph.of(List.of(
                node("app", List.of("libfoo-devel"), "app"),
                node("libfoo", List.of(), "libfoo-devel>libbar"),
                node("libbar", List.of(), "libbar:libbar,libbar.so.1()(64bit)")));
        assertThat(g.dependsOn("app")).containsExactly("libbar", "libfoo");
        assertThat(g.dependsOn("libfoo")).as("a package's own requires are no BuildRequires").isEmpty();
    }

    @Test
    void aProvideOtherThanTheNameCounts() throws Exception {
        ChainGraph g = ChainGraph.of(List.of(
                node("ocaml-foo", List.of("ocaml(Foo)"), "ocaml-foo"),
                node("ocaml-bar", List.of(), "ocaml-bar:ocaml-bar,ocaml(Foo)")));
        assertThat(g.dependsOn("ocaml-foo")).containsExactly("ocaml-bar");
    }

    @Test
    void aCycleIsRefusedWithItsMembersInOrder() {
        CycleException e = catchThrowableOfType(CycleException.class, () -> ChainGraph.of(List.of(
                node("solo", List.of(), "solo"),
                node("a", List.of("b-devel"), "a-devel"),
                node("b", List.of("c-devel"), "b-devel"),
                node("c", List.of("a-devel"), "c-devel"))));
        assertThat(e.members()).containsExactly("a", "b", "c");
        assertThat(e.getMessage()).isEqualTo("The packages a -> b -> c -> a BuildRequire each other in a cycle");
    }

    @Test
    void aPackageBuildRequiringItsOwnOutputIsNoCycle() throws Exception {
        assertThat(ChainGraph.of(List.of(node("boot", List.of("boot-devel"), "boot-devel"))).dependsOn("boot")).isEmpty();
    }

    @Test
    void aPackageGivenTwiceIsAUsageError() {
        assertThat(catchThrowableOfType(UsageException.class, () -> ChainGraph.of(List.of(node("x", List.of(), "x"),
                node("x", List.of(), "x")))).getMessage()).startsWith("The chain has x twice");
    }
}
