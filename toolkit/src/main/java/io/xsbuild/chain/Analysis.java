package io.xsbuild.chain;

import io.xsbuild.build.source.BuildRequest;
import io.xsbuild.build.source.GitSrpm;
import io.xsbuild.build.source.HostSrpm;
import io.xsbuild.build.source.PreparedSources;
import io.xsbuild.build.source.RpmbuildOptions;
import io.xsbuild.build.source.SourcePreparer;
import io.xsbuild.build.source.SpecSrpm;
import io.xsbuild.build.source.SpecTree;
import io.xsbuild.build.source.SrpmSource;
import io.xsbuild.build.source.Versioning;
import io.xsbuild.container.LineSink;
import io.xsbuild.container.Step;
import io.xsbuild.error.FailedException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.packages.SourceDownload;
import io.xsbuild.packages.ToolOutput;
import io.xsbuild.profile.ContainerLayout;
import io.xsbuild.profile.Profile;
import io.xsbuild.session.HelperStep;
import io.xsbuild.session.SessionContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What each input of a chain is: its name, its BuildRequires and the binary packages its spec makes, as the
 * profile's own rpm reads them in one container of the profile's image (so that its macros, {@code %dist}
 * among them, and the user's {@code --define}, {@code --with}, {@code --without} and {@code --target} count).
 * Checkouts are prepared on the host first, as {@code xsbuild build} prepares them; packages named by name are
 * fetched from the repositories into the chain's work directory, and built from there.
 */
final class Analysis {

    private static final String DIR = ContainerLayout.WORK + "/chain";

    /**
     * Prints what a spec says: {@code name NAME}, an {@code out NAME<TAB>PROVIDES<TAB>REQUIRES} line per binary
     * package, a {@code br NAME} line per BuildRequires. Arguments: the spec, then rpm's options.
     */
    private static final String SPEC_QUERY = String.join("\n",
            "set -e",
            "spec=$1; shift",
            "echo \"name $(rpmspec -q \"$@\" --srpm --qf '%{NAME}' \"$spec\")\"",
            "rpmspec -q \"$@\" --qf 'out %{NAME}\\t[%{PROVIDENAME} ]\\t[%{REQUIRENAME} ]\\n' \"$spec\"",
            "rpmspec -q \"$@\" --buildrequires \"$spec\" | sed 's/^/br /'");

    /** The same for a source package, whose spec comes out of its payload. Arguments: the package, rpm's options. */
    private static final String SRPM_QUERY = String.join("\n",
            "set -e",
            "srpm=$1; shift",
            "dir=$(mktemp -d)",
            "echo \"name $(rpm -qp --nosignature --qf '%{NAME}' \"$srpm\")\"",
            "rpm -qp --nosignature --qf '[br %{REQUIRENAME}\\n]' \"$srpm\"",
            "(cd \"$dir\" && rpm2cpio \"$srpm\" | cpio -i --quiet --make-directories '*.spec')",
            "spec=$(ls \"$dir\"/*.spec | head -n 1)",
            "rpmspec -q \"$@\" --qf 'out %{NAME}\\t[%{PROVIDENAME} ]\\t[%{REQUIRENAME} ]\\n' \"$spec\" || echo 'nospec'");

    private final SessionContainer box;
    private final Profile profile;
    private final RpmbuildOptions options;
    private final SourcePreparer preparer;
    private final Path work;
    private final Events events;

    /**
     * @param box  a container of the profile's image, with the repositories configured and its network on
     * @param work where prepared checkouts and fetched source packages stay while the chain runs
     */
    Analysis(SessionContainer box, Profile profile, RpmbuildOptions options, SourcePreparer preparer, Path work,
             Events events) {
        this.box = box;
        this.profile = profile;
        this.options = options;
        this.preparer = preparer;
        this.work = work;
        this.events = events;
    }

    List<ChainNode> nodes(List<ChainInput> inputs) throws XsbuildException {
        List<ChainNode> nodes = new ArrayList<>();
        int i = 0;
        for (ChainInput input : inputs) {
            nodes.add(node(input, i++));
        }
        return nodes;
    }

    private ChainNode node(ChainInput input, int index) throws XsbuildException {
        String dir = DIR + "/" + index;
        HelperStep.run(box, Step.of("mkdir", "-p", dir), LineSink.DISCARD, "Cannot make " + dir);
        try {
            if (input instanceof ChainInput.Srpm s) {
                return fromSrpm(input, s.file(), dir);
            }
            if (input instanceof ChainInput.Named n) {
                return fromSrpm(input, fetch(n.name(), index), dir);
            }
            if (input instanceof ChainInput.SpecFolder f) {
                return fromSpec(input, SpecTree.folder(f.dir()), null, f.dir(), dir);
            }
            ChainInput.Checkout c = (ChainInput.Checkout) input;
            PreparedSources prepared = preparer.prepare(new BuildRequest(c.location(), null, null, null, false,
                    false, Versioning.AUTO), work.resolve(index + "-git"));
            return fromSpec(input, new SpecTree(prepared.specFile(), prepared.sourcesDir()),
                    new GitSrpm(prepared, options), prepared.topDir(), dir);
        } catch (IOException e) {
            throw new FailedException("Cannot read what " + input.given() + " is built from: " + e.getMessage(), e);
        }
    }

    private Path fetch(String name, int index) throws XsbuildException, IOException {
        events.info(name + ": fetching its source package to read what it needs");
        String srpm = new SourceDownload(profile.packageManager()).fetch(box, name, LineSink.DISCARD);
        Path into = Files.createDirectories(work.resolve(index + "-srpm"));
        box.copyOut(srpm, into);
        return into.resolve(srpm.substring(srpm.lastIndexOf('/') + 1));
    }

    private ChainNode fromSrpm(ChainInput input, Path file, String dir) throws XsbuildException, IOException {
        box.copyIn(file, dir);
        List<String> args = new ArrayList<>(List.of(dir + "/" + file.getFileName()));
        args.addAll(specOptions());
        Query q = query(input, SRPM_QUERY, args);
        if (q.outputs().isEmpty()) {
            events.warn(input.given() + ": its spec cannot be read here, so only its name, " + q.name()
                    + ", is known to be made by it");
        }
        List<ChainNode.Output> outputs = q.outputs().isEmpty()
                ? List.of(new ChainNode.Output(q.name(), List.of(q.name()), List.of())) : q.outputs();
        return new ChainNode(q.name(), input, new HostSrpm(file), q.buildRequires(), outputs, ChecksumType.SHA256.hex(file));
    }

    private ChainNode fromSpec(ChainInput input, SpecTree tree, SrpmSource prepared, Path hashed, String dir)
            throws XsbuildException, IOException {
        box.copyIn(tree.specFile(), dir);
        List<String> args = new ArrayList<>(List.of(dir + "/" + tree.specFile().getFileName()));
        args.addAll(specOptions());
        Query q = query(input, SPEC_QUERY, args);
        SrpmSource source = prepared != null ? prepared : new SpecSrpm(q.name(), tree, options);
        return new ChainNode(q.name(), input, source, q.buildRequires(), q.outputs(), treeHash(hashed));
    }

    /** The options rpmspec takes of the user's rpmbuild options: macros, conditionals, the target. */
    private List<String> specOptions() {
        List<String> args = new ArrayList<>();
        options.defines().forEach(d -> args.addAll(List.of("--define", d.strip())));
        options.with().forEach(w -> args.addAll(List.of("--with", w)));
        options.without().forEach(w -> args.addAll(List.of("--without", w)));
        if (options.target() != null) {
            args.addAll(List.of("--target", options.target()));
        }
        return args;
    }

    private record Query(String name, List<String> buildRequires, List<ChainNode.Output> outputs) {
    }

    private Query query(ChainInput input, String script, List<String> args) throws XsbuildException {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", script, "query"));
        argv.addAll(args);
        List<String> lines = new ArrayList<>();
        ToolOutput tool = new ToolOutput((stream, line) -> {
            if (stream == LineSink.Stream.STDOUT) {
                lines.add(line);
            }
        });
        int exit = box.run(new Step(argv, "root", null, null), tool);
        if (exit != 0) {
            throw new ChainInputException(input.given(), "rpm cannot read it (exit " + exit + ")"
                    + (tool.summary() == null ? "" : ": " + tool.summary()));
        }
        String name = null;
        Set<String> buildRequires = new LinkedHashSet<>();
        List<ChainNode.Output> outputs = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("name ")) {
                name = line.substring(5).strip();
            } else if (line.startsWith("br ")) {
                String dep = line.substring(3).strip().split("\\s+")[0];
                if (!dep.isEmpty() && !dep.startsWith("rpmlib(")) {
                    buildRequires.add(dep);
                }
            } else if (line.startsWith("out ")) {
                String[] f = line.substring(4).split("\t", -1);
                outputs.add(new ChainNode.Output(f[0].strip(), words(f.length > 1 ? f[1] : ""),
                        words(f.length > 2 ? f[2] : "").stream().filter(r -> !r.startsWith("rpmlib(")).toList()));
            }
        }
        if (name == null || name.isEmpty()) {
            throw new ChainInputException(input.given(), "rpm gave it no name");
        }
        return new Query(name, List.copyOf(buildRequires), outputs);
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.stream(text.strip().split("\\s+")).distinct().toList();
    }

    /** The checksum of every file below {@code dir}: their paths and contents, in path order. */
    static String treeHash(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                all.append(dir.relativize(f).toString().replace('\\', '/')).append('\0')
                        .append(ChecksumType.SHA256.hex(f)).append('\n');
            }
        }
        return ChecksumType.SHA256.hex(all.toString().getBytes(StandardCharsets.UTF_8));
    }
}
