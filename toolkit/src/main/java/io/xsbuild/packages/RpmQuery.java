package io.xsbuild.packages;

import io.xsbuild.container.ContainerException;
import io.xsbuild.container.LineSink;
import io.xsbuild.container.Step;
import io.xsbuild.session.SessionContainer;

import java.util.ArrayList;
import java.util.List;

/** Reads the identity of package files in a container with its own rpm. */
public final class RpmQuery {

    private static final String FORMAT =
            "%{NAME}\\t%|EPOCH?{%{EPOCH}}:{0}|\\t%{VERSION}\\t%{RELEASE}\\t%|SOURCERPM?{%{ARCH}}:{src}|\\n";

    /** For each pattern, each file it matches: shell globs, relative to {@code dir} or absolute. */
    private static final String SCRIPT = "cd \"$1\" || exit 1; shift\n"
            + "for pattern in \"$@\"; do\n"
            + "  for f in $pattern; do\n"
            + "    [ -f \"$f\" ] || continue\n"
            + "    printf '%s\\t' \"$f\"\n"
            + "    rpm -qp --nosignature --nodigest --qf '" + FORMAT + "' \"$f\" || exit 1\n"
            + "  done\n"
            + "done\n";

    private RpmQuery() {
    }

    public static List<RpmFile> query(SessionContainer container, String dir, List<String> patterns)
            throws ContainerException {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", SCRIPT, "rpm-query", dir));
        argv.addAll(patterns);
        List<RpmFile> files = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int exit = container.run(new Step(argv, null, null, null), (stream, line) -> {
            if (stream == LineSink.Stream.STDERR) {
                errors.add(line);
                return;
            }
            String[] f = line.split("\t", -1);
            if (f.length == 6) {
                files.add(new RpmFile(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4], f[5]));
            }
        });
        if (exit != 0) {
            throw new ContainerException("Cannot read the package headers in " + dir + " of container "
                    + container.shortId() + (errors.isEmpty() ? "" : ": " + errors.get(errors.size() - 1)), null);
        }
        return files;
    }
}
