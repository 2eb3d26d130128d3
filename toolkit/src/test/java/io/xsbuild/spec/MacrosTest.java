package io.xsbuild.spec;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MacrosTest {

    private final Macros macros = new Macros(Map.of(
            "name", "xcp-networkd", "version", "%{ver}", "ver", "0.9.6", "empty", "", "self", "%{self}"));

    @Test
    void expandsBracedAndBareMacrosRecursively() throws Exception {
        assertThat(macros.expand("%{name}-%{version}.tar.gz")).isEqualTo("xcp-networkd-0.9.6.tar.gz");
        assertThat(macros.expand("%name-%version")).isEqualTo("xcp-networkd-0.9.6");
    }

    @Test
    void conditionalForms() throws Exception {
        assertThat(macros.expand("a%{?dist}b")).isEqualTo("ab");
        assertThat(macros.expand("%{?ver}")).isEqualTo("0.9.6");
        assertThat(macros.expand("%{?ver:has}%{?nope:not}")).isEqualTo("has");
        assertThat(macros.expand("%{!?nope:fallback}%{!?ver:not}")).isEqualTo("fallback");
        assertThat(macros.expand("%{?empty}x")).isEqualTo("x");
    }

    @Test
    void percentPercentIsAPercent() throws Exception {
        assertThat(macros.expand("100%%")).isEqualTo("100%");
    }

    @Test
    void undefinedAndUnsupportedMacrosAreErrors() {
        assertThatThrownBy(() -> macros.expand("%{nope}")).hasMessageContaining("%{nope} is not defined");
        assertThatThrownBy(() -> macros.expand("%(echo 1)")).hasMessageContaining("not evaluated");
        assertThatThrownBy(() -> macros.expand("%{lua: print(1)}")).hasMessageContaining("built-in xsbuild does not evaluate");
        assertThatThrownBy(() -> macros.expand("%{a-b}")).hasMessageContaining("only simple macros");
        assertThatThrownBy(() -> macros.expand("%{self}")).hasMessageContaining("nest too deep");
        assertThatThrownBy(() -> macros.expand("%{name")).hasMessageContaining("unclosed");
    }

    @Test
    void expandDefinedLeavesTheRestAsWritten() {
        assertThat(macros.expandDefined("%{ver}%{?dist}%{nope}%(date)%%")).isEqualTo("0.9.6%{?dist}%{nope}%(date)%%");
    }
}
