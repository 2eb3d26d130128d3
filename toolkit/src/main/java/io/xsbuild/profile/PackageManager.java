package io.xsbuild.profile;

/** The package manager of a build environment. */
public enum PackageManager {
    /** yum with yum-utils: yum-builddep, yumdownloader (CentOS 7, XenServer's own dom0). */
    YUM,
    /** dnf with dnf-plugins-core: dnf builddep, dnf download. */
    DNF
}
