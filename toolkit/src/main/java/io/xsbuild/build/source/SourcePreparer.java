package io.xsbuild.build.source;

import io.xsbuild.error.FailedException;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.git.Checkout;
import io.xsbuild.git.Checkouts;
import io.xsbuild.git.DescribeOptions;
import io.xsbuild.git.Description;
import io.xsbuild.git.LfsPointers;
import io.xsbuild.error.UsageException;
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
 * commit, stamps the spec's Release (and Version) unless the package is built as its spec has it, takes
 * Source0 from the checkout or makes it of the commit, and gathers the other sources (Git LFS content
 * fetched), into an rpmbuild top dir the caller owns.
 */
public final class SourcePreparer {

    private final Checkouts checkouts;
    private final Events events;
    private final LfsPointers lfs;

    public SourcePreparer(Checkouts checkouts, Events events) {
        this(checkouts, events, LfsPointers.onPath());
    }

    /** @param lfs how Git LFS content is fetched */
    public SourcePreparer(Checkouts checkouts, Events events, LfsPointers lfs) {
        this.checkouts = checkouts;
        this.events = events;
        this.lfs = lfs;
    }

    /** Prepares {@code request} in {@code topDir} (made when missing), which then holds {@code SPECS/} and {@code SOURCES/}. */
    public PreparedSources prepare(BuildRequest request, Path topDir) throws XsbuildException {
        try (Checkout checkout = checkouts.open(request.source(), request.ref())) {
            boolean dirty = checkout.isDirty();
            Path specPath = locateSpec(checkout, request.spec());
            Path packageDir = packageDir(specPath);
            SpecFile original = SpecFile.read(specPath);
            Versioning versioning = versioning(request, specPath, packageDir,
                    carriedSource(original, packageDir, original.source0File()).isPresent());
            boolean stamped = versioning == Versioning.DESCRIBE;
            Description description = checkout.describe(new DescribeOptions(request.match(), request.always() || !stamped), dirty);
            events.info("git describe: " + description + " (" + checkout.commitId() + ")");
            if (dirty) {
                events.warn(checkout.location() + " has uncommitted changes: the build holds them"
                        + (stamped ? " and the release says +dirty" : ""));
            }
            SpecFile spec = stamped ? stamp(original, description, request.versionFromTag()) : original;
            String name = spec.expanded("Name");
            String version = spec.expanded("Version");

            Path specFile = Files.createDirectories(topDir.resolve("SPECS")).resolve(specPath.getFileName());
            spec.write(specFile);
            Path sources = Files.createDirectories(topDir.resolve("SOURCES"));
            List<Path> written = new ArrayList<>(List.of(specFile));
            String source0 = spec.source0File();
            Optional<Path> carried = carriedSource(spec, packageDir, source0);
            Path tarball;
            if (carried.isPresent()) {
                tarball = Files.copy(carried.get(), sources.resolve(source0), StandardCopyOption.REPLACE_EXISTING);
            } else {
                tarball = writeSource0(checkout, name + "-" + version + "/", sources.resolve(tarballName(spec)), dirty);
            }
            written.add(tarball);
            written.addAll(copyOtherSources(spec, packageDir, sources));
            fetchLfsContent(checkout, packageDir, sources, spec, written);
            FileTime epoch = FileTime.fromMillis(checkout.commitTime() * 1000L);
            for (Path file : written) {
                Files.setLastModifiedTime(file, epoch);
            }
            String release = spec.required("Release").value();
            events.info((stamped ? "Prepared " : "Prepared, as its spec has it, ") + name + "-" + version + "-" + release
                    + " in " + topDir);
            return new PreparedSources(topDir, specFile, sources, tarball, name, version, release, description.toString(),
                    checkout.commitTime(), checkout.commitId(), dirty, checkout.location());
        } catch (IOException e) {
            throw cannotWrite(topDir, e);
        }
    }

    /**
     * The spec to build: {@code --spec} (relative to the checkout's root), else the one at the top or in
     * {@code SPECS/} of the directory named, else of the checkout's root.
     */
    private static Path locateSpec(Checkout checkout, Path named) throws SpecException {
        if (named != null) {
            return SpecLocator.locate(checkout.workTree(), named);
        }
        Path dir = checkout.directory();
        if (!dir.equals(checkout.workTree())) {
            Optional<Path> here = SpecLocator.find(dir, null);
            if (here.isPresent()) {
                return here.get();
            }
        }
        return SpecLocator.locate(checkout.workTree(), null);
    }

    /** The package's folder: the spec's, or the one above its {@code SPECS/}. */
    private static Path packageDir(Path spec) {
        Path dir = spec.toAbsolutePath().getParent();
        return "SPECS".equals(dir.getFileName().toString()) && dir.getParent() != null ? dir.getParent() : dir;
    }

    /**
     * Whether the package is laid out as a package repository is: its spec in {@code SPECS/}, a {@code SOURCES/}
     * beside, and Source0 carried (the upstream tarball, not made of this checkout).
     */
    static boolean packageRepository(Path spec, Path packageDir, boolean source0Carried) {
        return source0Carried && "SPECS".equals(spec.toAbsolutePath().getParent().getFileName().toString())
                && Files.isDirectory(packageDir.resolve("SOURCES"));
    }

    private static Versioning versioning(BuildRequest request, Path spec, Path packageDir, boolean source0Carried)
            throws SpecException {
        if (request.versioning() == Versioning.SPEC && request.versionFromTag()) {
            throw new SpecException(spec, Phrase.of(BuildRequest.Field.VERSION_FROM_TAG, " stamps the spec with git describe, "
                    + "which ", BuildRequest.Field.VERSIONING, " spec does not"), Phrase.of("give one or the other"));
        }
        if (request.versioning() != Versioning.AUTO) {
            return request.versioning();
        }
        return packageRepository(spec, packageDir, source0Carried) && !request.versionFromTag()
                ? Versioning.SPEC : Versioning.DESCRIBE;
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
            throw new SpecException(spec, Phrase.of(spec, " is not a file git tracks in ", workTree,
                    ", so the build's copy of the checkout lacks it"),
                    Phrase.of("git add it, or name a tracked spec with ", BuildRequest.Field.SPEC));
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

    private static List<Path> copyOtherSources(SpecFile spec, Path packageDir, Path sources) throws IOException, SpecException {
        List<Path> copied = new ArrayList<>();
        for (String file : spec.otherSourceFiles()) {
            copied.add(Files.copy(findSource(spec, packageDir, file), sources.resolve(file), StandardCopyOption.REPLACE_EXISTING));
        }
        return copied;
    }

    /** Source0 as the checkout carries it, beside the spec or in the package's {@code SOURCES/}, if it does. */
    private static Optional<Path> carriedSource(SpecFile spec, Path packageDir, String file) {
        return candidates(spec, packageDir, file).stream().filter(Files::isRegularFile).findFirst();
    }

    private static List<Path> candidates(SpecFile spec, Path packageDir, String file) {
        return List.of(spec.path().resolveSibling(file), packageDir.resolve("SOURCES").resolve(file));
    }

    /**
     * Git LFS pointers among the sources copied: fetched with {@code git lfs pull} where git-lfs is installed,
     * and copied again; refused with what to do otherwise.
     */
    private void fetchLfsContent(Checkout checkout, Path packageDir, Path sources, SpecFile spec, List<Path> written)
            throws IOException, XsbuildException {
        List<String> pointers = new ArrayList<>();
        for (Path copy : written) {
            if (LfsPointers.isPointer(copy)) {
                pointers.add(copy.getFileName().toString());
            }
        }
        if (pointers.isEmpty()) {
            return;
        }
        Path top = checkout.workTree();
        List<Path> originals = new ArrayList<>();
        for (String file : pointers) {
            originals.add(candidates(spec, packageDir, file).stream().filter(Files::isRegularFile).findFirst().orElseThrow());
        }
        String shown = String.join(", ", originals.stream().map(p -> top.relativize(p).toString()).toList());
        if (!lfs.available()) {
            throw new UsageException(shown + (pointers.size() == 1 ? " is a Git LFS pointer" : " are Git LFS pointers")
                    + " in " + checkout.location() + ", not the files", "run git lfs pull there (git-lfs installed: "
                    + "apt-get install -y git-lfs), then build again");
        }
        lfs.pull(top, originals.stream().map(p -> top.relativize(p).toString()).toList(), events);
        for (Path original : originals) {
            if (LfsPointers.isPointer(original)) {
                throw new UsageException("git lfs pull did not fetch " + top.relativize(original) + " in " + checkout.location(),
                        "check that its LFS server is reachable (git lfs pull there says why)");
            }
            Files.copy(original, sources.resolve(original.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static SpecFile stamp(SpecFile spec, Description description, boolean versionFromTag) throws SpecException {
        SpecFile stamped = spec;
        if (versionFromTag) {
            if (description.tag() == null) {
                throw new SpecException(spec.path(), Phrase.of(BuildRequest.Field.VERSION_FROM_TAG,
                        " needs a tag, and git describe found none"),
                        Phrase.of("tag a release (git tag -a v1.0) or build without ", BuildRequest.Field.VERSION_FROM_TAG));
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

    /** A source or patch beside the spec, else in the package's {@code SOURCES/}. */
    private static Path findSource(SpecFile spec, Path packageDir, String file) throws SpecException {
        Path besideSpec = spec.path().resolveSibling(file);
        Path inSources = packageDir.resolve("SOURCES").resolve(file);
        for (Path candidate : List.of(besideSpec, inSources)) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new SpecException(spec.path(), spec.path().getFileName() + " needs " + file + ", which is neither in "
                + besideSpec.getParent() + " nor in " + inSources.getParent(), "add it to the checkout there");
    }
}
