package io.xsbuild.spec;

import io.xsbuild.build.source.BuildRequest;
import io.xsbuild.git.DescribeOptions;
import org.junit.jupiter.api.Test;

import static io.xsbuild.spec.SpecFileTest.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitVersioningTest {

    private static final SpecFile SPEC = spec("""
            %global rel 3%{?dist}
            %global plain 4
            Name: demo
            Version: 0.9.6
            Release: 1%{?dist}
            """);

    private static String stamp(String release, String describe) throws SpecException {
        return GitVersioning.stampRelease(SPEC, release, describe);
    }

    @Test
    void theSeedsExample() throws Exception {
        assertThat(stamp("1%{?dist}", "0.10.0-8-g96c3fcc")).isEqualTo("1+s0+0.10.0+8+g96c3fcc%{?dist}");
    }

    @Test
    void exactlyOnATag() throws Exception {
        assertThat(stamp("1%{?dist}", "0.10.0")).isEqualTo("1+s0+0.10.0%{?dist}");
        assertThat(stamp("1", "0.10.0")).isEqualTo("1+s0+0.10.0");
    }

    @Test
    void dirtyAddsPlusDirty() throws Exception {
        assertThat(stamp("1%{?dist}", "0.10.0-8-g96c3fcc-dirty")).isEqualTo("1+s0+0.10.0+8+g96c3fcc+dirty%{?dist}");
        assertThat(stamp("1", "v1-dirty")).isEqualTo("1+s0+v1+dirty");
    }

    @Test
    void withoutDistTheStampIsAppended() throws Exception {
        assertThat(stamp("2.xs8", "1.0-1-gabcdef0")).isEqualTo("2.xs8+s0+1.0+1+gabcdef0");
    }

    @Test
    void everySpellingOfDist() throws Exception {
        assertThat(stamp("1%dist", "t")).isEqualTo("1+s0+t%dist");
        assertThat(stamp("1%{dist}", "t")).isEqualTo("1+s0+t%{dist}");
        assertThat(stamp("1%{?dist:%{dist}}", "t")).isEqualTo("1+s0+t%{?dist:%{dist}}");
        assertThat(stamp("1%{?dist}.xs", "t")).isEqualTo("1+s0+t%{?dist}.xs");
    }

    @Test
    void aDistHiddenInASpecMacroIsWrittenOutSoTheStampPrecedesIt() throws Exception {
        assertThat(stamp("%{rel}", "t")).isEqualTo("3+s0+t%{?dist}");
    }

    @Test
    void otherMacrosStayAsWritten() throws Exception {
        assertThat(stamp("%{plain}%{?dist}", "t")).isEqualTo("%{plain}+s0+t%{?dist}");
        assertThat(stamp("%{plain}", "t")).isEqualTo("%{plain}+s0+t");
    }

    @Test
    void aDescriptionRpmCannotTakeIsRefused() {
        assertThatThrownBy(() -> stamp("1", "release/1.0-2-gabcdef0"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("'release/1.0-2-gabcdef0' cannot go into the Release of demo.spec");
    }

    @Test
    void autoreleaseIsRefused() {
        assertThatThrownBy(() -> stamp("%autorelease", "t")).hasMessageContaining("%autorelease");
    }

    @Test
    void versionFromTagDropsALeadingV() throws Exception {
        assertThat(GitVersioning.versionFromTag(SPEC, "v0.10.0")).isEqualTo("0.10.0");
        assertThat(GitVersioning.versionFromTag(SPEC, "0.10.0")).isEqualTo("0.10.0");
        assertThat(GitVersioning.versionFromTag(SPEC, "vendor")).isEqualTo("vendor");
        assertThatThrownBy(() -> GitVersioning.versionFromTag(SPEC, "1.0-rc1"))
                .hasMessageContaining("The tag '1.0-rc1' cannot be the Version")
                .satisfies(e -> assertThat(((SpecException) e).settings())
                        .containsExactly(BuildRequest.Field.VERSION_FROM_TAG, DescribeOptions.Field.MATCH));
    }
}
