package io.xsbuild.cli;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** What rpmbuild is told: macros, conditional builds, %check, the target architecture. */
final class RpmbuildFlags {

    @Option(names = "--define", paramLabel = "'MACRO VALUE'", description = "Define an rpm macro for rpmbuild.")
    List<String> defines = new ArrayList<>();

    @Option(names = "--with", paramLabel = "X", description = "Enable the conditional build X (rpmbuild --with).")
    List<String> with = new ArrayList<>();

    @Option(names = "--without", paramLabel = "X", description = "Disable the conditional build X (rpmbuild --without).")
    List<String> without = new ArrayList<>();

    @Option(names = "--nocheck", description = "Do not run the spec's %%check section.")
    boolean nocheck;

    @Option(names = "--target", paramLabel = "ARCH", description = "Build for this architecture (rpmbuild --target).")
    String target;
}
