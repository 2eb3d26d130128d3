package io.xsbuild.chain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a chain's next build goes when it runs on several engines. */
class EngineChoiceTest {

    @Test
    void idleEnginesFillBeforeAnyRunsTwoTheFirstGivenFirst() {
        int[] cpus = {2, 2};
        int[] limits = {2, 2};
        assertThat(EngineChoice.pick(new int[] {0, 0}, cpus, limits)).isZero();
        assertThat(EngineChoice.pick(new int[] {1, 0}, cpus, limits)).isEqualTo(1);
        assertThat(EngineChoice.pick(new int[] {1, 1}, cpus, limits)).isZero();
        assertThat(EngineChoice.pick(new int[] {2, 1}, cpus, limits)).isEqualTo(1);
    }

    @Test
    void aFullEngineTakesNoMoreAndNoneFreeIsMinusOne() {
        assertThat(EngineChoice.pick(new int[] {0, 2}, new int[] {8, 2}, new int[] {0, 2})).isEqualTo(-1);
        assertThat(EngineChoice.pick(new int[] {2, 2}, new int[] {2, 2}, new int[] {2, 2})).isEqualTo(-1);
        assertThat(EngineChoice.pick(new int[] {2, 0}, new int[] {2, 2}, new int[] {2, 2})).isEqualTo(1);
    }

    @Test
    void aLargerMachineTakesBuildsInProportionToItsProcessors() {
        int[] cpus = {2, 6};
        int[] limits = {8, 8};
        int[] busy = {0, 0};
        for (int i = 0; i < 8; i++) {
            busy[EngineChoice.pick(busy, cpus, limits)]++;
        }
        assertThat(busy).containsExactly(2, 6);
    }

    @Test
    void withJobsAboveTheProcessorsTheTotalIsStillShared() {
        int[] cpus = {2, 2};
        int[] limits = {6, 6};
        int[] busy = {0, 0};
        for (int i = 0; i < 6; i++) {
            busy[EngineChoice.pick(busy, cpus, limits)]++;
        }
        assertThat(busy).containsExactly(3, 3);
    }
}
