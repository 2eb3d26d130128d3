package io.xsbuild.spec;

import io.xsbuild.build.source.BuildRequest;
import io.xsbuild.error.Phrase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the spec of a checkout: the one {@code *.spec} at its root or in {@code SPECS/}, or the one named. */
public final class SpecLocator {

    private SpecLocator() {
    }

    /**
     * The spec to build in {@code root}: {@code named} (relative to {@code root} unless absolute) when given,
     * else the single spec at the root or in {@code SPECS/}.
     */
    public static Path locate(Path root, Path named) throws SpecException {
        return find(root, named).orElseThrow(() -> new SpecException(root,
                Phrase.of("No spec file at the root of ", root, " or in its SPECS/"),
                Phrase.of("add one, or pass ", BuildRequest.Field.SPEC, " FILE")));
    }

    /**
     * Like {@link #locate}, but a checkout without a spec is no error: empty then. One that has several
     * and no {@code named} one still is.
     */
    public static Optional<Path> find(Path root, Path named) throws SpecException {
        if (named != null) {
            Path spec = root.resolve(named).normalize();
            if (!Files.isRegularFile(spec)) {
                throw new SpecException(spec, Phrase.of("No spec file ", named, " in ", root),
                        Phrase.of("pass ", BuildRequest.Field.SPEC, " with a path inside the checkout"));
            }
            return Optional.of(spec);
        }
        List<Path> found = new ArrayList<>();
        found.addAll(specsIn(root));
        found.addAll(specsIn(root.resolve("SPECS")));
        if (found.size() > 1) {
            throw new SpecException(root, Phrase.of("Several spec files in ", root, ": ",
                    String.join(", ", found.stream().map(p -> root.relativize(p).toString()).toList())),
                    Phrase.of("choose one with ", BuildRequest.Field.SPEC));
        }
        return found.stream().findFirst();
    }

    private static List<Path> specsIn(Path dir) throws SpecException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".spec") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new SpecException(dir, "Cannot list " + dir + ": " + e.getMessage(), null);
        }
    }
}
