package io.xsbuild.demo;

import io.xsbuild.build.source.SpecTree;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.spec.SpecFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An example package folder: its spec, the names of the binary packages it makes and what it
 * BuildRequires. Enough to build a set of examples in the order their BuildRequires ask for.
 *
 * @param provides the binary packages the spec makes: its Name and each {@code %package}
 * @param requires the names its main preamble BuildRequires
 */
record ExampleSpec(String name, SpecTree tree, Set<String> provides, Set<String> requires) {

    private static final Pattern SUBPACKAGE = Pattern.compile("(?m)^%package\\s+(-n\\s+)?(\\S+)\\s*$");
    private static final Pattern DEPENDENCY = Pattern.compile("\\s*([^\\s,<>=]+)(\\s*[<>=]+\\s*[^\\s,]+)?\\s*,?");

    static ExampleSpec read(Path folder) throws XsbuildException {
        SpecTree tree = SpecTree.folder(folder);
        SpecFile spec = SpecFile.read(tree.specFile());
        String name = spec.expanded("Name");
        Set<String> provides = new LinkedHashSet<>(List.of(name));
        Matcher sub = SUBPACKAGE.matcher(spec.text());
        while (sub.find()) {
            provides.add(sub.group(1) != null ? sub.group(2) : name + "-" + sub.group(2));
        }
        Set<String> requires = new LinkedHashSet<>();
        for (SpecFile.TagLine tag : spec.tags()) {
            if (tag.tag().toLowerCase(Locale.ROOT).equals("buildrequires")) {
                Matcher dep = DEPENDENCY.matcher(tag.value());
                while (dep.lookingAt() && dep.end() > dep.regionStart()) {
                    requires.add(dep.group(1));
                    dep.region(dep.end(), tag.value().length());
                }
            }
        }
        return new ExampleSpec(name, tree, Set.copyOf(provides), Set.copyOf(requires));
    }

    /**
     * The specs in rounds: each round needs only what earlier rounds make, so a round's packages
     * can all be built from a repository of the rounds before it.
     */
    static List<List<ExampleSpec>> rounds(List<ExampleSpec> specs) throws DemoException {
        List<List<ExampleSpec>> rounds = new ArrayList<>();
        List<ExampleSpec> left = new ArrayList<>(specs);
        Set<String> made = new LinkedHashSet<>();
        Set<String> all = new LinkedHashSet<>();
        specs.forEach(s -> all.addAll(s.provides()));
        while (!left.isEmpty()) {
            List<ExampleSpec> round = left.stream()
                    .filter(s -> s.requires().stream().filter(all::contains).allMatch(made::contains))
                    .toList();
            if (round.isEmpty()) {
                throw new DemoException("The example packages " + left.stream().map(ExampleSpec::name).toList()
                        + " BuildRequire each other in a cycle", "break the cycle in their specs");
            }
            rounds.add(round);
            left.removeAll(round);
            round.forEach(s -> made.addAll(s.provides()));
        }
        return rounds;
    }
}
