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

    /** How many of {@code builds} started one after the other, none ending, each engine takes. */
    private static int[] spread(int builds, int[] cpus, int[] limits) {
        int[] busy = new int[cpus.length];
        for (int i = 0; i < builds; i++) {
            busy[EngineChoice.pick(busy, cpus, limits)]++;
        }
        return busy;
    }

    @Test
    void aLargerMachineTakesBuildsInProportionToItsProcessors() {
        assertThat(spread(8, new int[] {2, 6}, new int[] {8, 8})).containsExactly(2, 6);
        assertThat(spread(9, new int[] {2, 16}, new int[] {2, 16})).containsExactly(1, 8);
    }

    @Test
    void withJobsAboveTheProcessorsTheTotalIsStillShared() {
        assertThat(spread(6, new int[] {2, 2}, new int[] {6, 6})).containsExactly(3, 3);
    }
}
