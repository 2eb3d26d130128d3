package io.xsbuild.rpm;

import java.util.List;

/** Every dependency list repodata carries for a package, each in the order primary.xml lists it. */
public record Dependencies(List<Dependency> provides, List<Dependency> requires, List<Dependency> conflicts,
                           List<Dependency> obsoletes, List<Dependency> suggests, List<Dependency> enhances,
                           List<Dependency> recommends, List<Dependency> supplements) {

    public static final Dependencies NONE = new Dependencies(List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of());

    public Dependencies {
        provides = List.copyOf(provides);
        requires = List.copyOf(requires);
        conflicts = List.copyOf(conflicts);
        obsoletes = List.copyOf(obsoletes);
        suggests = List.copyOf(suggests);
        enhances = List.copyOf(enhances);
        recommends = List.copyOf(recommends);
        supplements = List.copyOf(supplements);
    }
}
