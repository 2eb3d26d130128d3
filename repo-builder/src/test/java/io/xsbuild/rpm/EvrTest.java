package io.xsbuild.rpm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EvrTest {

    @Test
    void splitsAsCreaterepoSplits() {
        assertThat(Evr.parse("")).isEqualTo(new Evr("", "", "", false));
        assertThat(Evr.parse("1.0")).isEqualTo(new Evr("0", "1.0", "", false));
        assertThat(Evr.parse("1.0-2.el7")).isEqualTo(new Evr("0", "1.0", "2.el7", false));
        assertThat(Evr.parse("3:1.0-2-3")).isEqualTo(new Evr("3", "1.0", "2-3", false));
        assertThat(Evr.parse(":1.0")).isEqualTo(new Evr("0", "1.0", "", false));
        assertThat(Evr.parse("1.0-")).isEqualTo(new Evr("0", "1.0", "", false));
        assertThat(Evr.parse(" 12:1")).isEqualTo(new Evr(" 12", "1", "", false));
        assertThat(Evr.parse("x:1").badEpoch()).isTrue();
        assertThat(Evr.parse("1x:1").badEpoch()).isTrue();
        assertThat(Evr.parse("  :1").badEpoch()).isTrue();
    }
}
