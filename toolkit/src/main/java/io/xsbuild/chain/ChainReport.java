package io.xsbuild.chain;

import java.util.List;

/**
 * A chain's outcome, as OUT/result.json and {@code --json} give it.
 *
 * @param ok       every package built or reused
 * @param levels   the packages in the order they could build: each level needs only earlier ones
 * @param engines  the engines the chain ran on
 * @param packages each package, in build order
 */
public record ChainReport(boolean ok, String out, String session, String profile, List<String> engines,
                          List<List<String>> levels, List<ChainPackage> packages, double seconds) {
    public ChainReport {
        engines = List.copyOf(engines);
        levels = levels.stream().map(List::copyOf).toList();
        packages = List.copyOf(packages);
    }

    public long count(ChainPackage.Status status) {
        return packages.stream().filter(p -> p.status() == status).count();
    }
}
