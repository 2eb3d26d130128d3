package io.xsbuild.demo;

import io.xsbuild.build.source.SpecTree;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.spec.SpecFile;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An example package folder: its spec, the names of the binary packages it makes and what it
 * BuildRequires, read from the spec's text: what the demo names and checks before it builds them as a chain.
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
}
