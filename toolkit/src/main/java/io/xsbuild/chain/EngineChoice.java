package io.xsbuild.chain;

/**
 * Which engine a chain's next build goes to: of the engines with room (fewer builds under way than their
 * limit), the one with the fewest builds under way for its processors, the first given on a tie. Idle
 * engines thus fill before any runs two, and a larger machine takes its share of builds in proportion.
 */
final class EngineChoice {

    private EngineChoice() {
    }

    /**
     * @param busy   the builds each engine runs now
     * @param cpus   each engine's processors (1 or more)
     * @param limits the builds each engine may run at once
     * @return the index of the engine, or -1 when none has room
     */
    static int pick(int[] busy, int[] cpus, int[] limits) {
        int best = -1;
        for (int i = 0; i < busy.length; i++) {
            if (busy[i] >= limits[i]) {
                continue;
            }
            // busy[i] / cpus[i] < busy[best] / cpus[best], without division
            if (best < 0 || (long) busy[i] * cpus[best] < (long) busy[best] * cpus[i]) {
                best = i;
            }
        }
        return best;
    }
}
