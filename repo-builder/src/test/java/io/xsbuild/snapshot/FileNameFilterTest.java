package io.xsbuild.snapshot;

import io.xsbuild.error.UsageException;
import org.junit.jupiter.api.Test;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Globs over package file names match as the JDK's glob matcher matches file names, and match any name as text. */
class FileNameFilterTest {

    static final List<String> GLOBS = List.of("*", "*.src.rpm", "xen-*", "x?n*", "[a-c]*", "[!a-c]*", "[^x]*",
            "*.{src,nosrc}.rpm", "{xen,xapi}-*", "*[0-9].rpm", "a\\*b", "[a-]*", "*-[!0-9]*.rpm",
            "xen-4.17.5-1.x86_64.rpm", "x+y*", "(a)*", "*.[rR][pP][mM]", "*$*", "a^b*");

    static final List<String> NAMES = List.of("xen-4.17.5-1.x86_64.rpm", "xapi-core-1.0.src.rpm", "xen.nosrc.rpm",
            "a*b", "axb", "]x.rpm", "-x.rpm", "b.rpm", "xyn.rpm", "x+yz.rpm", "(a)b.rpm", "foo.RPM", "a$b", "a^bc",
            "kernel-4.19.rpm", "zed9.rpm");

    @Test
    void matchesAsTheJdkGlobMatcherDoes() throws UsageException {
        for (String glob : GLOBS) {
            PathMatcher jdk = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            FileNameFilter ours = FileNameFilter.of(List.of(glob), List.of());
            for (String name : NAMES) {
                assertThat(ours.accepts(name)).as(glob + " on " + name).isEqualTo(jdk.matches(Path.of(name)));
            }
        }
    }

    @Test
    void matchesNamesTheLocaleCannotSpell() throws UsageException {
        assertThat(FileNameFilter.of(List.of("p[\u00e2a]te*"), List.of()).accepts("p\u00e2te.rpm")).isTrue();
        assertThat(FileNameFilter.of(List.of(), List.of("*-guest-*")).accepts("\u0416-\u00ff.rpm")).isTrue();
        assertThat(FileNameFilter.of(List.of("*.rpm"), List.of()).accepts("a\uFFFD\u0085.rpm")).isTrue();
    }

    @Test
    void aBrokenGlobIsAUsageError() {
        assertThatThrownBy(() -> FileNameFilter.of(List.of("[abc"), List.of())).isInstanceOf(UsageException.class)
                .hasMessage("include '[abc' is not a glob: a '[' is not closed");
        assertThatThrownBy(() -> FileNameFilter.of(List.of(), List.of("{a,{b}}"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("exclude '{a,{b}}' is not a glob")
                .satisfies(e -> assertThat(((UsageException) e).settings()).containsExactly(SnapshotRequest.Field.EXCLUDE));
    }
}
