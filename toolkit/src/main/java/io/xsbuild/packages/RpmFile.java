package io.xsbuild.packages;

/**
 * A package file and the identity its header gives it.
 *
 * @param path  where it is in the container, as matched
 * @param arch  its architecture; "src" for a source package
 */
public record RpmFile(String path, String name, int epoch, String version, String release, String arch) {

    /** name-[epoch:]version-release.arch, the epoch only when it is not 0. */
    public String nevra() {
        return name + "-" + (epoch == 0 ? "" : epoch + ":") + version + "-" + release + "." + arch;
    }

    /** The file's name, without its directory. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
