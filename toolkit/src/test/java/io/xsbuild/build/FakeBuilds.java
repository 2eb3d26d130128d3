package io.xsbuild.build;

import io.xsbuild.build.output.DirectorySnapshot;
import io.xsbuild.build.source.GitSrpm;
import io.xsbuild.build.source.HostSrpm;
import io.xsbuild.session.BuilderStep;
import io.xsbuild.container.FakeRuntime.Answer;
import io.xsbuild.container.FakeRuntime;
import io.xsbuild.container.ImageInfo;
import io.xsbuild.container.Step;
import io.xsbuild.profile.ContainerLayout;
import io.xsbuild.profile.ProfileCatalog;
import io.xsbuild.testing.TestRpms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link FakeRuntime} that answers the steps of a rebuild as yum, dnf, rpm and rpmbuild would
 * for a repository holding the packages it is told of. Every package is version 1.0-1, x86_64.
 */
public final class FakeBuilds {

    private final FakeRuntime fake;
    private final Set<String> known = new HashSet<>();
    private final Set<String> failing = new HashSet<>();
    private final Deque<List<String>> listings = new ArrayDeque<>();
    private String gitSrpm;
    private String gitSrpmError;
    private String building;

    public FakeBuilds(FakeRuntime fake) {
        this.fake = fake;
        fake.answers = this::answer;
        for (String base : List.of(ProfileCatalog.TESTBASE_IMAGE, "centos:7.9.2009", "almalinux:9")) {
            fake.images.put(base, new ImageInfo("sha256:base-" + base, List.of(base), Map.of(), 1));
        }
    }

    /** A directory that passes for a repository: {@code dir/repodata/repomd.xml} with this content. */
    public static Path repository(Path dir, String repomd) throws IOException {
        Files.createDirectories(dir.resolve("repodata"));
        Files.writeString(dir.resolve("repodata/repomd.xml"), repomd);
        return dir;
    }

    public static String srpm(String name) {
        return ContainerLayout.WORK + "/srpms/" + name + "/" + name + "-1.0-1.src.rpm";
    }

    public static String rpm(String name) {
        return "RPMS/x86_64/" + name + "-1.0-1.x86_64.rpm";
    }

    /** The package file {@link #rpm} names, as rpmbuild writes it: a real header. */
    public static byte[] rpmBytes(String name) {
        return TestRpms.binary(name, null, "1.0", "1", "x86_64");
    }

    /** The source package {@link #srpm} names. */
    public static byte[] srpmBytes(String name) {
        return TestRpms.source(name, null, "1.0", "1");
    }

    /** The repository has this source package; its build makes one binary package. */
    public FakeBuilds knows(String name) {
        known.add(name);
        fake.files.put(srpm(name), srpmBytes(name));
        fake.files.put(ContainerLayout.TOPDIR + "/" + rpm(name), rpmBytes(name));
        return this;
    }

    /** rpmbuild of this package fails in %build. */
    public FakeBuilds failing(String name) {
        knows(name);
        failing.add(name);
        return this;
    }

    /**
     * A build from git: {@code rpmbuild -bs} writes the source package {@code srpmFile} in the top dir
     * {@link GitSrpm} copies in, and its rebuild makes one binary package of {@code name}.
     */
    public FakeBuilds fromGit(String name, String srpmFile) {
        gitSrpm = GitSrpm.TOPDIR + "/SRPMS/" + srpmFile;
        // Its header says the version and release its name does (NAME-VERSION-RELEASE.src.rpm), else 1.0-1.
        String versionRelease = srpmFile.substring(0, srpmFile.length() - HostSrpm.SUFFIX.length()).substring(name.length());
        int dash = versionRelease.lastIndexOf('-');
        fake.files.put(gitSrpm, versionRelease.startsWith("-") && dash > 0
                ? TestRpms.source(name, null, versionRelease.substring(1, dash), versionRelease.substring(dash + 1))
                : srpmBytes(name));
        fake.files.put(ContainerLayout.TOPDIR + "/" + rpm(name), rpmBytes(name));
        return this;
    }

    /** {@code rpmbuild -bs} fails, its last line {@code error}. */
    public FakeBuilds srpmFails(String error) {
        gitSrpmError = error;
        return this;
    }

    /** What the file listings of make builds print, in turn ({@link DirectorySnapshot#FIND_COMMAND}). */
    public FakeBuilds listings(List<String> before, List<String> after) {
        listings.add(before);
        listings.add(after);
        return this;
    }

    /** The command a step runs, without the wrapper that line-buffers rpmbuild's output. */
    public static List<String> command(Step step) {
        List<String> argv = step.argv();
        return argv.size() > 4 && argv.get(2).equals(BuilderStep.LINE_BUFFERED) ? argv.subList(4, argv.size()) : argv;
    }

    private Answer answer(Step step) {
        List<String> argv = command(step);
        String last = argv.get(argv.size() - 1);
        if (argv.contains("download") || argv.get(0).equals("yumdownloader")) {
            return known.contains(last) ? Answer.ok("Downloading " + last) : Answer.fail(1, "Error: No package " + last + " available.");
        }
        if (argv.equals(List.of("sh", "-c", DirectorySnapshot.FIND_COMMAND))) {
            return new Answer(0, listings.isEmpty() ? List.of() : listings.remove());
        }
        if (argv.get(0).equals("rpmbuild") && argv.get(1).equals("-bs")) {
            return gitSrpmError != null ? Answer.fail(1, "Building a source package", gitSrpmError) : Answer.ok("Wrote: " + gitSrpm);
        }
        if (argv.get(0).equals("find") && gitSrpm != null && gitSrpm.startsWith(argv.get(1) + "/")) {
            return Answer.ok(gitSrpm);
        }
        if (argv.get(0).equals("find")) {
            String name = argv.get(1).substring(argv.get(1).lastIndexOf('/') + 1);
            return known.contains(name) ? Answer.ok(srpm(name)) : Answer.ok();
        }
        if (argv.get(0).equals("rpmbuild")) {
            building = nameOf(last);
            return failing.contains(building)
                    ? Answer.fail(1, "Executing(%build): /bin/sh -e /var/tmp/rpm-tmp.1", "+ make", "make: *** [all] Error 2",
                            "error: Bad exit status from /var/tmp/rpm-tmp.1 (%build)")
                    : Answer.ok("Executing(%build): /bin/sh -e /var/tmp/rpm-tmp.1", "Wrote: " + rpm(building));
        }
        return Answer.ok();
    }

    private static String nameOf(String srpmPath) {
        return new HostSrpm(Path.of(srpmPath)).name();
    }
}
