package io.xsbuild.chain;

import io.xsbuild.build.source.SrpmSource;

import java.util.List;
import java.util.Objects;

/**
 * One package of a chain, as the analysis found it: where it comes from, what it needs to build and what
 * its build will make.
 *
 * @param name          the source package's name, which names the node, its logs and its result
 * @param source        how its source package reaches the build container
 * @param buildRequires the names of what it BuildRequires (versions are not compared)
 * @param outputs       the binary packages its spec makes
 * @param inputHash     the checksum of what it is built from: the source package's, or the files of its spec folder
 *                      or prepared checkout
 */
public record ChainNode(String name, ChainInput input, SrpmSource source, List<String> buildRequires,
                        List<Output> outputs, String inputHash) {

    public ChainNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(source, "source");
        buildRequires = List.copyOf(buildRequires);
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(inputHash, "inputHash");
    }

    /**
     * A binary package a spec makes.
     *
     * @param provides the names it provides (its own name among them)
     * @param requires the names it requires at run time, as its spec writes them
     */
    public record Output(String name, List<String> provides, List<String> requires) {
        public Output {
            Objects.requireNonNull(name, "name");
            provides = List.copyOf(provides);
            requires = List.copyOf(requires);
        }
    }
}
