package io.xsbuild.chain;

import io.xsbuild.build.source.HostSrpm;
import io.xsbuild.error.UsageException;
import io.xsbuild.git.Checkouts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One thing {@code xsbuild chain} is given to build: a source package file, a folder holding a spec and
 * its sources, a git checkout (a path or URL), or the name of a source package in the repositories.
 */
public sealed interface ChainInput {

    /** What the user typed, for messages and results. */
    String given();

    /** A source package on the host. */
    record Srpm(String given, Path file) implements ChainInput {
    }

    /** A folder with one spec and its sources as plain files, outside git's versioning. */
    record SpecFolder(String given, Path dir) implements ChainInput {
    }

    /** A git checkout, built as {@code xsbuild build} builds it. */
    record Checkout(String given, String location) implements ChainInput {
    }

    /** A source package of the repositories, fetched by name. */
    record Named(String given, String name) implements ChainInput {
    }

    /**
     * What {@code argument} names: a {@code .src.rpm} file; a git URL; a directory that is the top of a git
     * checkout or holds {@code SPECS/} (a checkout, or a package folder in one); another directory holding a
     * spec (a spec folder); else a package name.
     *
     * @param workingDir where relative paths start
     */
    static ChainInput of(String argument, Path workingDir) throws UsageException {
        if (Checkouts.isUrl(argument)) {
            return new Checkout(argument, argument);
        }
        Path path = workingDir.resolve(argument).normalize();
        if (Files.isRegularFile(path)) {
            if (argument.endsWith(HostSrpm.SUFFIX)) {
                return new Srpm(argument, path);
            }
            throw new UsageException(path + " is a file but no source package", "give a .src.rpm, a folder, a git checkout or a package name");
        }
        if (Files.isDirectory(path)) {
            if (Files.exists(path.resolve(".git")) || Files.isDirectory(path.resolve("SPECS"))) {
                return new Checkout(argument, path.toString());
            }
            if (hasSpec(path)) {
                return new SpecFolder(argument, path);
            }
            throw new UsageException(path + " holds no spec, no SPECS/ and no .git",
                    "give a folder with a spec, a git checkout, a .src.rpm or a package name");
        }
        if (argument.contains("/") || argument.endsWith(HostSrpm.SUFFIX)) {
            throw new UsageException("No such file or directory: " + path, "check the path");
        }
        return new Named(argument, argument);
    }

    private static boolean hasSpec(Path dir) throws UsageException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".spec") && Files.isRegularFile(f));
        } catch (IOException e) {
            throw new UsageException("Cannot read " + dir + ": " + e.getMessage(), null);
        }
    }
}
