package io.xsbuild.chain;

import io.xsbuild.error.UsageException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The order a chain builds in. A package depends on another when one of its BuildRequires is provided by
 * one of the other's outputs, or is required at run time by an output it depends on (installing that output
 * pulls it in): dnf builddep would need it from the chain's repository. Names are matched; versions are not.
 */
public final class ChainGraph {

    private final Map<String, ChainNode> nodes;
    private final Map<String, Set<String>> dependsOn;
    private final Map<String, List<String>> levels;

    private ChainGraph(Map<String, ChainNode> nodes, Map<String, Set<String>> dependsOn) {
        this.nodes = nodes;
        this.dependsOn = dependsOn;
        this.levels = new LinkedHashMap<>();
    }

    /**
     * The graph of {@code nodes}, in the order given where the dependencies leave a choice.
     *
     * @throws CycleException naming the members of a cycle
     * @throws UsageException when two inputs are the same package
     */
    public static ChainGraph of(List<ChainNode> nodes) throws UsageException {
        Map<String, ChainNode> byName = new LinkedHashMap<>();
        for (ChainNode node : nodes) {
            ChainNode twice = byName.put(node.name(), node);
            if (twice != null) {
                throw new UsageException("The chain has " + node.name() + " twice: " + twice.input().given() + " and "
                        + node.input().given(), "give each package once");
            }
        }
        Map<String, List<Provider>> providers = new HashMap<>();
        for (ChainNode node : nodes) {
            for (ChainNode.Output out : node.outputs()) {
                Set<String> names = new LinkedHashSet<>(out.provides());
                names.add(out.name());
                for (String name : names) {
                    providers.computeIfAbsent(name, n -> new ArrayList<>()).add(new Provider(node.name(), out));
                }
            }
        }
        Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
        for (ChainNode node : nodes) {
            Set<String> deps = new TreeSet<>();
            Deque<String> wanted = new ArrayDeque<>(node.buildRequires());
            Set<ChainNode.Output> seen = new HashSet<>();
            while (!wanted.isEmpty()) {
                String capability = wanted.pop();
                for (Provider p : providers.getOrDefault(capability, List.of())) {
                    if (p.node().equals(node.name()) || !seen.add(p.output())) {
                        continue;
                    }
                    deps.add(p.node());
                    wanted.addAll(p.output().requires());
                }
            }
            dependsOn.put(node.name(), Collections.unmodifiableSet(deps));
        }
        ChainGraph graph = new ChainGraph(Collections.unmodifiableMap(byName), Collections.unmodifiableMap(dependsOn));
        graph.checkAcyclic();
        graph.computeLevels();
        return graph;
    }

    private record Provider(String node, ChainNode.Output output) {
    }

    public List<ChainNode> nodes() {
        return List.copyOf(nodes.values());
    }

    public ChainNode node(String name) {
        return nodes.get(name);
    }

    /** The packages {@code name} needs built first, by name. */
    public Set<String> dependsOn(String name) {
        return dependsOn.getOrDefault(name, Set.of());
    }

    /** Every package that needs {@code name}, directly or through others. */
    public Set<String> dependentsOf(String name) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(name));
        while (!todo.isEmpty()) {
            String current = todo.pop();
            for (var e : dependsOn.entrySet()) {
                if (e.getValue().contains(current) && found.add(e.getKey())) {
                    todo.push(e.getKey());
                }
            }
        }
        return found;
    }

    /**
     * The packages in levels: each needs only packages of earlier levels, so a level's packages can all build
     * at once. The level of a package is one more than the highest of what it depends on.
     */
    public List<List<String>> levels() {
        return levels.values().stream().map(List::copyOf).toList();
    }

    /** Every package, dependencies before dependents. */
    public List<String> order() {
        return levels().stream().flatMap(List::stream).toList();
    }

    private void computeLevels() {
        Map<String, Integer> level = new HashMap<>();
        for (String name : nodes.keySet()) {
            levelOf(name, level);
        }
        int max = level.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        for (int i = 0; i <= max; i++) {
            levels.put("level-" + i, new ArrayList<>());
        }
        for (String name : nodes.keySet()) {
            levels.get("level-" + level.get(name)).add(name);
        }
    }

    private int levelOf(String name, Map<String, Integer> level) {
        Integer known = level.get(name);
        if (known != null) {
            return known;
        }
        int mine = 0;
        for (String dep : dependsOn(name)) {
            mine = Math.max(mine, levelOf(dep, level) + 1);
        }
        level.put(name, mine);
        return mine;
    }

    /** Finds a cycle by depth-first search, in the order the nodes were given. */
    private void checkAcyclic() throws CycleException {
        Map<String, Integer> state = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        for (String name : nodes.keySet()) {
            List<String> cycle = visit(name, state, path);
            if (cycle != null) {
                throw new CycleException(cycle);
            }
        }
    }

    private List<String> visit(String name, Map<String, Integer> state, Deque<String> path) {
        Integer s = state.get(name);
        if (s != null && s == 2) {
            return null;
        }
        if (s != null && s == 1) {
            List<String> onPath = new ArrayList<>(path);
            Collections.reverse(onPath);
            return List.copyOf(onPath.subList(onPath.indexOf(name), onPath.size()));
        }
        state.put(name, 1);
        path.push(name);
        for (String dep : dependsOn(name)) {
            List<String> cycle = visit(dep, state, path);
            if (cycle != null) {
                return cycle;
            }
        }
        path.pop();
        state.put(name, 2);
        return null;
    }
}
