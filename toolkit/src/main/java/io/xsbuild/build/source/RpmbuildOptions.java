package io.xsbuild.build.source;

import java.util.ArrayList;
import java.util.List;

/**
 * What rpmbuild is told besides the source package: macros, conditional builds, whether %check
 * runs, the target architecture.
 *
 * @param defines "MACRO VALUE" pairs, as rpmbuild's --define takes them
 * @param with    conditionals to turn on (--with)
 * @param without conditionals to turn off (--without)
 * @param target  the target architecture, or null for the container's
 */
public record RpmbuildOptions(List<String> defines, List<String> with, List<String> without, boolean nocheck,
                              String target) {

    public static final RpmbuildOptions NONE = new RpmbuildOptions(List.of(), List.of(), List.of(), false, null);

    public RpmbuildOptions {
        defines = List.copyOf(defines);
        with = List.copyOf(with);
        without = List.copyOf(without);
        for (String define : defines) {
            if (!isDefine(define)) {
                throw new IllegalArgumentException("a define is 'MACRO VALUE': " + define);
            }
        }
    }

    /** Whether {@code define} is "MACRO VALUE", as rpmbuild's --define takes it. */
    public static boolean isDefine(String define) {
        return define.strip().matches("\\S+\\s+.*");
    }

    /** rpmbuild's arguments for these options, in the order given. */
    public List<String> arguments() {
        List<String> args = new ArrayList<>();
        defines.forEach(d -> args.addAll(List.of("--define", d.strip())));
        with.forEach(w -> args.addAll(List.of("--with", w)));
        without.forEach(w -> args.addAll(List.of("--without", w)));
        if (nocheck) {
            args.add("--nocheck");
        }
        if (target != null) {
            args.addAll(List.of("--target", target));
        }
        return List.copyOf(args);
    }
}
