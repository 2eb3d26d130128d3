package io.xsbuild.profile;

import io.xsbuild.error.UsageException;

import java.util.List;
import java.util.Map;

/** The build profiles xsbuild knows, and which one is the default. */
public final class Profiles {

    /** Selects the default profile when {@code --profile} is not given. */
    public static final String ENV_DEFAULT = "XSBUILD_PROFILE";

    public static final String TESTBASE_IMAGE = "xsbuild/testbase:bookworm";

    private static final List<Profile> ALL = List.of(
            new Profile("el7", "centos:7.9.2009", PackageManager.YUM,
                    List.of("rpm-build", "yum-utils", "gcc", "make", "git", "tar", "gzip", "bzip2", "xz", "patch", "which"),
                    "docker pull centos:7.9.2009", List.of(), true),
            new Profile("el9", "almalinux:9", PackageManager.DNF,
                    List.of("rpm-build", "dnf-plugins-core", "gcc", "make", "git", "tar", "gzip", "bzip2", "xz", "patch", "which",
                            "shadow-utils"),
                    "docker pull almalinux:9", List.of(), true),
            new Profile("testbase", TESTBASE_IMAGE, PackageManager.DNF,
                    List.of(),
                    "dockerfiles/testbase/build.sh", List.of("debootstrap"), false));

    private Profiles() {
    }

    public static List<Profile> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(Profile::name).toList();
    }

    /** The profile named, or a usage error listing the known ones. */
    public static Profile named(String name) throws UsageException {
        for (Profile p : ALL) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new UsageException("Unknown profile '" + name + "'", "choose one of " + String.join(", ", names()));
    }

    /** The profile to use when none is named: {@code XSBUILD_PROFILE}, else el7 as dom0 is. */
    public static Profile defaultProfile(Map<String, String> env) throws UsageException {
        String name = env.get(ENV_DEFAULT);
        return named(name == null || name.isBlank() ? "el7" : name.strip());
    }
}
