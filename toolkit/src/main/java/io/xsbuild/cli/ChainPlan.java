package io.xsbuild.cli;

import io.xsbuild.chain.ChainGraph;
import io.xsbuild.chain.ChainNode;
import io.xsbuild.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * A chain's graph as {@code xsbuild chain --plan} prints it: JSON, a GitLab child pipeline or a GitHub
 * Actions workflow. In the pipelines each job builds one package with {@code xsbuild chain}, its inputs'
 * RPMs (the artifacts of the jobs it needs) given as {@code --local-repo}, so a CI's own runners are the
 * build farm and the cache of each job's runner still serves. What the jobs run are xsbuild command lines, so
 * the command line writes them.
 */
final class ChainPlan {

    /** Where each job leaves its packages, and where the next ones gather what they need. */
    static final String OUT = "xsbuild-out";
    static final String NEEDED = "xsbuild-needed";

    private final ChainGraph graph;
    private final List<String> options;

    /**
     * @param options the options every job passes on (the profile, the repositories, rpmbuild's), as typed
     */
    ChainPlan(ChainGraph graph, List<String> options) {
        this.graph = graph;
        this.options = List.copyOf(options);
    }

    String render(String format) {
        return switch (format) {
            case "json" -> Json.pretty(json()) + "\n";
            case "gitlab" -> gitlab();
            case "github" -> github();
            default -> throw new IllegalArgumentException("format " + format);
        };
    }

    /** The graph: levels, and each package with its input, what it needs and what it makes. */
    public record Plan(List<List<String>> levels, List<Node> packages) {
    }

    public record Node(String name, String input, int level, List<String> dependsOn, List<String> buildRequires,
                List<String> makes) {
    }

    Plan json() {
        List<Node> nodes = new ArrayList<>();
        for (String name : graph.order()) {
            ChainNode n = graph.node(name);
            nodes.add(new Node(name, n.input().given(), level(name), List.copyOf(graph.dependsOn(name)), n.buildRequires(),
                    n.outputs().stream().map(ChainNode.Output::name).toList()));
        }
        return new Plan(graph.levels(), nodes);
    }

    private int level(String name) {
        List<List<String>> levels = graph.levels();
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).contains(name)) {
                return i;
            }
        }
        throw new IllegalStateException(name);
    }

    /** The command a job runs for {@code name}, in a shell. */
    private String command(String name, boolean needsOthers) {
        StringBuilder s = new StringBuilder("xsbuild chain --out " + OUT + "/" + name);
        if (needsOthers) {
            s.append(" --local-repo ").append(NEEDED);
        }
        for (String option : options) {
            s.append(' ').append(quote(option));
        }
        s.append(' ').append(quote(graph.node(name).input().given()));
        return s.toString();
    }

    /** Gathers the RPMs of the jobs a job needs (their artifacts, below OUT) into one folder. */
    private static String gather() {
        return "mkdir -p " + NEEDED + " && find " + OUT + " -path '*/RPMS/*' -name '*.rpm' -exec cp -p {} " + NEEDED
                + "/ \\;";
    }

    private String gitlab() {
        StringBuilder y = new StringBuilder();
        y.append("# A GitLab child pipeline made by xsbuild chain --plan --format gitlab: a job per package, each\n")
                .append("# needing the jobs of the packages it builds against, whose RPMs it gets as artifacts.\n")
                .append("stages: [build]\n\n")
                .append(".xsbuild-package:\n")
                .append("  stage: build\n")
                .append("  artifacts:\n")
                .append("    when: always\n")
                .append("    paths: [").append(OUT).append("/]\n\n");
        for (String name : graph.order()) {
            List<String> deps = List.copyOf(graph.dependsOn(name));
            y.append(yamlKey(name)).append(":\n")
                    .append("  extends: .xsbuild-package\n");
            if (deps.isEmpty()) {
                y.append("  needs: []\n");
            } else {
                y.append("  needs:\n");
                for (String dep : deps) {
                    y.append("    - job: ").append(yamlKey(dep)).append("\n      artifacts: true\n");
                }
            }
            y.append("  script:\n");
            if (!deps.isEmpty()) {
                y.append("    - ").append(yamlString(gather())).append('\n');
            }
            y.append("    - ").append(yamlString(command(name, !deps.isEmpty()))).append("\n\n");
        }
        return y.toString();
    }

    private String github() {
        StringBuilder y = new StringBuilder();
        y.append("# A GitHub Actions workflow made by xsbuild chain --plan --format github: a job per level of the\n")
                .append("# chain, a matrix of its packages, each level needing the one before, whose RPMs it downloads.\n")
                .append("name: xsbuild chain\n")
                .append("on: [workflow_dispatch]\n")
                .append("jobs:\n");
        List<List<String>> levels = graph.levels();
        for (int i = 0; i < levels.size(); i++) {
            y.append("  level-").append(i).append(":\n");
            if (i > 0) {
                y.append("    needs: [level-").append(i - 1).append("]\n");
            }
            y.append("    runs-on: ubuntu-latest\n")
                    .append("    strategy:\n")
                    .append("      fail-fast: false\n")
                    .append("      matrix:\n")
                    .append("        include:\n");
            for (String name : levels.get(i)) {
                y.append("          - package: ").append(yamlString(name)).append('\n')
                        .append("            command: ").append(yamlString(command(name, i > 0))).append('\n');
            }
            y.append("    steps:\n")
                    .append("      - uses: actions/checkout@v4\n");
            if (i > 0) {
                y.append("      - uses: actions/download-artifact@v4\n")
                        .append("        with:\n")
                        .append("          pattern: rpms-*\n")
                        .append("          merge-multiple: true\n")
                        .append("          path: ").append(NEEDED).append('\n');
            }
            y.append("      - run: ${{ matrix.command }}\n")
                    .append("      - uses: actions/upload-artifact@v4\n")
                    .append("        if: always()\n")
                    .append("        with:\n")
                    .append("          name: rpms-${{ matrix.package }}\n")
                    .append("          path: ").append(OUT).append("/${{ matrix.package }}/RPMS\n");
        }
        return y.toString();
    }

    /** A word as a POSIX shell reads it back: quoted unless it is plain. */
    static String quote(String word) {
        return word.matches("[A-Za-z0-9_./=:,+@%-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static String yamlKey(String name) {
        return name.matches("[A-Za-z0-9_.-]+") ? name : yamlString(name);
    }

    /** A YAML double-quoted string. */
    static String yamlString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
