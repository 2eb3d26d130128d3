package io.xsbuild.build.source;

import io.xsbuild.error.FailedException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.git.Checkout;
import io.xsbuild.git.Checkouts;
import io.xsbuild.git.DescribeOptions;
import io.xsbuild.git.Description;
import io.xsbuild.spec.GitVersioning;
import io.xsbuild.spec.SpecException;
import io.xsbuild.spec.SpecFile;
import io.xsbuild.spec.SpecLocator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code xsbuild build} does before a container: opens or fetches the checkout, describes its
 * commit, stamps the spec's Release (and Version), makes Source0 from the commit and gathers the other
 * sources, into an rpmbuild top dir the caller owns.
 */
public final class SourcePreparer {

    private final Checkouts checkouts;
    private final Events events;

    public SourcePreparer(Checkouts checkouts, Events events) {
        this.checkouts = checkouts;
        this.events = events;
    }

    /** Prepares {@code request} in {@code topDir} (made when missing), which then holds {@code SPECS/} and {@code SOURCES/}. */
    public PreparedSources prepare(BuildRequest request, Path topDir) throws XsbuildException {
        try (Checkout checkout = checkouts.open(request.source(), request.ref())) {
            boolean dirty = checkout.isDirty();
            Description description = checkout.describe(new DescribeOptions(request.match(), request.always()), dirty);
            events.info("git describe: " + description + " (" + checkout.commitId() + ")");
            if (dirty) {
                events.warn(checkout.location() + " has uncommitted changes: Source0 holds them and the release says +dirty");
            }

            Path specPath = SpecLocator.locate(checkout.workTree(), request.spec());
            SpecFile spec = stamp(SpecFile.read(specPath), description, request.versionFromTag());
            String name = spec.expanded("Name");
            String version = spec.expanded("Version");
            String source0 = tarballName(spec);

            Path specFile = Files.createDirectories(topDir.resolve("SPECS")).resolve(specPath.getFileName());
            spec.write(specFile);
            Path sources = Files.createDirectories(topDir.resolve("SOURCES"));
            Path tarball = writeSource0(checkout, name + "-" + version + "/", sources.resolve(source0), dirty);
            List<Path> written = new ArrayList<>(List.of(specFile, tarball));
            written.addAll(copyOtherSources(spec, checkout.workTree(), sources));
            FileTime epoch = FileTime.fromMillis(checkout.commitTime() * 1000L);
            for (Path file : written) {
                Files.setLastModifiedTime(file, epoch);
            }
            String release = spec.required("Release").value();
            events.info("Prepared " + name + "-" + version + "-" + release + " in " + topDir);
            return new PreparedSources(topDir, specFile, sources, tarball, name, version, release, description.toString(),
                    checkout.commitTime(), checkout.commitId(), dirty, checkout.location());
        } catch (IOException e) {
            throw cannotWrite(topDir, e);
        }
    }

    /**
     * Copies the checkout's tracked files, as they are in its work tree, into {@code dir} for a {@code --make}
     * build. The describe string is informational there, so untagged history is described by its commit id.
     *
     * @param withSpec whether to find the checkout's spec ({@code --spec}, else the one at its root or in
     *                 {@code SPECS/}, if any) for its BuildRequires
     */
    public PreparedTree prepareTree(BuildRequest request, Path dir, boolean withSpec) throws XsbuildException {
        try (Checkout checkout = checkouts.open(request.source(), request.ref())) {
            boolean dirty = checkout.isDirty();
            Description description = checkout.describe(new DescribeOptions(request.match(), true), dirty);
            Files.createDirectories(dir);
            List<String> submodules = checkout.copyTrackedFiles(dir);
            for (String submodule : submodules) {
                events.warn("The submodule " + submodule + " of " + checkout.location() + " is not copied into the build");
            }
            String spec = withSpec ? trackedSpec(checkout.workTree(), request.spec(), dir) : null;
            events.info("Copied " + checkout.location() + " at " + description + " into " + dir);
            return new PreparedTree(dir, checkout.name(), checkout.location(), spec, description.toString(),
                    checkout.commitTime(), checkout.commitId(), dirty, submodules);
        } catch (IOException e) {
            throw cannotWrite(dir, e);
        }
    }

    /** The checkout's spec, relative to its root, if it has one; it must be in the copy, so tracked. */
    private static String trackedSpec(Path workTree, Path named, Path copy) throws SpecException {
        Optional<Path> found = SpecLocator.find(workTree, named);
        if (found.isEmpty()) {
            return null;
        }
        Path spec = found.get().normalize();
        String relative = workTree.relativize(spec).toString().replace(workTree.getFileSystem().getSeparator(), "/");
        if (!spec.startsWith(workTree) || !Files.isRegularFile(copy.resolve(relative))) {
            throw new SpecException(spec, spec + " is not a file git tracks in " + workTree
                    + ", so the build's copy of the checkout lacks it", "git add it, or name a tracked spec with --spec");
        }
        return relative;
    }

    private static FailedException cannotWrite(Path dir, IOException e) {
        return new FailedException("Cannot write the build's files in " + dir + ": " + e.getMessage(),
                "check the space and permissions there", e);
    }

    private static Path writeSource0(Checkout checkout, String prefix, Path tarball, boolean dirty)
            throws IOException, XsbuildException {
        try (OutputStream out = Files.newOutputStream(tarball)) {
            if (dirty) {
                checkout.archiveWorkTree(prefix, out);
            } else {
                checkout.archiveCommit(prefix, out);
            }
        }
        return tarball;
    }

    private static List<Path> copyOtherSources(SpecFile spec, Path root, Path sources) throws IOException, SpecException {
        List<Path> copied = new ArrayList<>();
        for (String file : spec.otherSourceFiles()) {
            copied.add(Files.copy(findSource(spec, root, file), sources.resolve(file), StandardCopyOption.REPLACE_EXISTING));
        }
        return copied;
    }

    private static SpecFile stamp(SpecFile spec, Description description, boolean versionFromTag) throws SpecException {
        SpecFile stamped = spec;
        if (versionFromTag) {
            if (description.tag() == null) {
                throw new SpecException(spec.path(), "--version-from-tag needs a tag, and git describe found none",
                        "tag a release (git tag -a v1.0) or build without --version-from-tag");
            }
            stamped = stamped.withTag("Version", GitVersioning.versionFromTag(spec, description.tag()));
        }
        String release = GitVersioning.stampRelease(stamped, stamped.required("Release").value(), description.toString());
        return stamped.withTag("Release", release);
    }

    private static String tarballName(SpecFile spec) throws SpecException {
        String source0 = spec.source0File();
        if (!source0.endsWith(".tar.gz") && !source0.endsWith(".tgz")) {
            throw new SpecException(spec.path(), "Source0 of " + spec.path().getFileName() + " is " + source0
                    + ", but xsbuild makes it a gzip tarball of the commit", "name it %{name}-%{version}.tar.gz");
        }
        return source0;
    }

    /** A source or patch beside the spec, else in the checkout's {@code SOURCES/}. */
    private static Path findSource(SpecFile spec, Path root, String file) throws SpecException {
        Path besideSpec = spec.path().resolveSibling(file);
        Path inSources = root.resolve("SOURCES").resolve(file);
        for (Path candidate : List.of(besideSpec, inSources)) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new SpecException(spec.path(), spec.path().getFileName() + " needs " + file + ", which is neither in "
                + besideSpec.getParent() + " nor in " + inSources.getParent(), "add it to the checkout there");
    }
}
