package io.xsbuild.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * The package manager of a build environment, and the exact commands xsbuild runs with it. Source
 * packages and BuildRequires come from every repository the run enables, in their priority order.
 */
public enum PackageManager {

    /** yum with yum-utils: yum-builddep, yumdownloader (CentOS 7, XenServer's own dom0). */
    YUM {
        @Override
        public List<String> downloadSource(String name, String destDir) {
            return List.of("yumdownloader", "--source", "--destdir", destDir, name);
        }

        @Override
        public List<String> installBuildRequires(List<String> srpms) {
            return with(List.of("yum-builddep", "-y"), srpms);
        }
    },

    /** dnf with dnf-plugins-core: dnf builddep, dnf download. */
    DNF {
        @Override
        public List<String> downloadSource(String name, String destDir) {
            return List.of("dnf", "download", "--source", "--destdir", destDir, name);
        }

        @Override
        public List<String> installBuildRequires(List<String> srpms) {
            return with(List.of("dnf", "builddep", "-y", "--setopt=install_weak_deps=False"), srpms);
        }
    };

    /** Downloads the newest source package of {@code name} into {@code destDir}, which must exist. */
    public abstract List<String> downloadSource(String name, String destDir);

    /**
     * Installs the BuildRequires recorded in the headers of these source packages (files in the
     * container). Run as root.
     */
    public abstract List<String> installBuildRequires(List<String> srpms);

    private static List<String> with(List<String> command, List<String> more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(more);
        return List.copyOf(all);
    }
}
