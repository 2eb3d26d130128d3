package io.xsbuild.testing;

import org.eclipse.packager.rpm.FileFlags;
import org.eclipse.packager.rpm.RpmVersion;
import org.eclipse.packager.rpm.build.BuilderContext;
import org.eclipse.packager.rpm.build.BuilderOptions;
import org.eclipse.packager.rpm.build.RpmBuilder;
import org.eclipse.packager.rpm.deps.RpmDependencyFlags;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

/**
 * Generated RPM packages that exercise what repodata records: epochs, every dependency flag and
 * weak dependency, requirements the metadata filters out (rpmlib, own files, own provides, repeats,
 * older libc), directories, ghosts, files primary.xml lists and ones it does not, changelogs with
 * equal times, UTF-8 and ISO-8859-1 text, source packages, subdirectories and, now and then, a
 * payload of several megabytes. The same seed makes the same packages (up to their build time),
 * each with a fixed modification time.
 */
public final class Corpus {

    /** @param largeEvery every how many packages one gets a payload of {@code largeBytes} (0: never) */
    public record Spec(int count, long seed, int largeEvery, int largeBytes) {
        public static Spec small(int count, long seed) {
            return new Spec(count, seed, 0, 0);
        }
    }

    private static final long MTIME = 1_700_000_000L;
    private static final RpmDependencyFlags[][] SENSES = {
        {}, {RpmDependencyFlags.EQUAL}, {RpmDependencyFlags.LESS}, {RpmDependencyFlags.GREATER},
        {RpmDependencyFlags.LESS, RpmDependencyFlags.EQUAL}, {RpmDependencyFlags.GREATER, RpmDependencyFlags.EQUAL}};

    private Corpus() {
    }

    /** Writes the packages under {@code dir} and returns their paths. */
    public static List<Path> generate(Path dir, Spec spec) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < spec.count(); i++) {
            files.add(generate(dir, spec, i));
        }
        return files;
    }

    private static Path generate(Path dir, Spec spec, int i) throws IOException {
        Random r = new Random(spec.seed() * 1_000_003L + i);
        String name = (i % 17 == 3 ? "Zed" : "pkg") + "-" + i;
        Path target = dir.resolve(i % 5 == 0 ? "sub/" + (i % 3) : i % 7 == 0 ? "other" : ".");
        Files.createDirectories(target);
        BuilderOptions options = new BuilderOptions();
        boolean latin1 = i % 23 == 5;
        if (latin1) {
            options.setHeaderCharset(StandardCharsets.ISO_8859_1);
        }
        String version = (1 + r.nextInt(9)) + "." + r.nextInt(20) + (r.nextBoolean() ? "." + r.nextInt(5) : "");
        RpmVersion v = r.nextInt(5) == 0 ? new RpmVersion(r.nextInt(4), version, (1 + r.nextInt(3)) + ".el7")
                : new RpmVersion(version, (1 + r.nextInt(3)) + ".xs");
        String arch = r.nextBoolean() ? "noarch" : "x86_64";
        boolean source = i % 29 == 11;
        Path file;
        try (RpmBuilder b = new RpmBuilder(name, v, arch, target, options)) {
            var info = b.getInformation();
            info.setSummary(latin1 ? "Balíček číslo " + i : summary(r, i));
            info.setDescription("Package " + i + " of a generated corpus.\nIt has " + (i % 3 + 1)
                    + " lines & <markup> \"quotes\" " + (i % 2 == 0 ? "ěščř" : "") + (i % 3 == 0 ? "\nthird line" : ""));
            info.setLicense(r.nextBoolean() ? "GPLv2+" : "MIT and BSD");
            info.setUrl(r.nextInt(4) == 0 ? null : "https://example.org/" + name);
            info.setVendor(r.nextInt(3) == 0 ? null : "Vendor & Co");
            info.setPackager(r.nextInt(3) == 0 ? null : "Packager <p@example.org>");
            info.setGroup(r.nextBoolean() ? "System Environment/Base" : "Development/Tools");
            info.setBuildHost("build" + (i % 4) + ".example.org");
            if (!source && r.nextInt(4) != 0) {
                info.setSourcePackage(name + "-" + version + "-1.src.rpm");
            }
            dependencies(b, r, name, i);
            files(b.newContext(), r, name, i, spec);
            int changelogs = r.nextInt(16);
            b.setHeaderCustomizer(h -> {
                changelog(h, r, changelogs);
                if (source) {
                    h.putInt(1106, 1);
                }
            });
            b.build();
            file = b.getTargetFile();
        }
        Files.setLastModifiedTime(file, FileTime.fromMillis((MTIME + i) * 1000));
        return file;
    }

    private static String summary(Random r, int i) {
        String[] words = {"tool", "library", "daemon", "<data>", "A&B", "naïve", "日本語", "\"quoted\""};
        return "Generated " + words[r.nextInt(words.length)] + " " + i;
    }

    private static void dependencies(RpmBuilder b, Random r, String name, int i) {
        b.addProvides(name + "-cap", "1." + (i % 4), RpmDependencyFlags.EQUAL);
        for (int k = 0; k < r.nextInt(4); k++) {
            b.addProvides("cap-" + r.nextInt(50), r.nextBoolean() ? null : "2." + k, sense(r));
        }
        for (int k = 0; k < 2 + r.nextInt(6); k++) {
            String target = "lib-" + r.nextInt(80);
            RpmDependencyFlags[] sense = sense(r);
            String version = sense.length == 0 ? null : (r.nextInt(5) == 0 ? r.nextInt(3) + ":" : "") + "1." + r.nextInt(9)
                    + (r.nextBoolean() ? "-" + r.nextInt(4) : "");
            b.addRequirement(target, version, with(sense, extra(r)));
        }
        b.addRequirement("rpmlib(PayloadFilesHavePrefix)", "4.0-1", RpmDependencyFlags.RPMLIB,
                RpmDependencyFlags.LESS, RpmDependencyFlags.EQUAL);
        if (i % 3 == 0) {
            b.addRequirement("/usr/bin/" + name + "-tool", null);
            b.addRequirement("/usr/share/" + name + "/data-0", null);
        }
        if (i % 4 == 1) {
            b.addRequirement(name + "-cap", "1." + (i % 4), RpmDependencyFlags.EQUAL);
            b.addRequirement(name + "-cap", "1", RpmDependencyFlags.GREATER, RpmDependencyFlags.EQUAL);
        }
        if (i % 5 == 2) {
            b.addRequirement("libc.so.6(GLIBC_2.4)", null);
            b.addRequirement("libc.so.6(GLIBC_2.17)(64bit)", null);
            b.addRequirement("libc.so.6()(64bit)", null);
        }
        if (i % 6 == 3) {
            b.addRequirement("shared-dep", "3", RpmDependencyFlags.GREATER, RpmDependencyFlags.EQUAL);
            b.addRequirement("shared-dep", "3", RpmDependencyFlags.GREATER, RpmDependencyFlags.EQUAL,
                    RpmDependencyFlags.SCRIPT_PRE);
        }
        if (r.nextInt(3) == 0) {
            b.addConflicts("conflict-" + r.nextInt(20), "0." + r.nextInt(9), sense(r));
        }
        if (r.nextInt(3) == 0) {
            b.addObsoletes("old-" + name, "1", RpmDependencyFlags.LESS);
        }
        if (r.nextInt(3) == 0) {
            b.addSuggests("suggested-" + r.nextInt(9), null);
        }
        if (r.nextInt(3) == 0) {
            b.addRecommends("recommended-" + r.nextInt(9), "1", RpmDependencyFlags.GREATER, RpmDependencyFlags.EQUAL);
        }
        if (r.nextInt(4) == 0) {
            b.addSupplements("supplemented-" + r.nextInt(9), null);
            b.addEnhances("enhanced-" + r.nextInt(9), "2", RpmDependencyFlags.LESS);
        }
    }

    private static RpmDependencyFlags[] sense(Random r) {
        return SENSES[r.nextInt(SENSES.length)];
    }

    /** Now and then a scriptlet or weak flag on a requirement. */
    private static RpmDependencyFlags[] extra(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> new RpmDependencyFlags[] {RpmDependencyFlags.PREREQ};
            case 1 -> new RpmDependencyFlags[] {RpmDependencyFlags.SCRIPT_PRE};
            case 2 -> new RpmDependencyFlags[] {RpmDependencyFlags.SCRIPT_POST};
            case 3 -> new RpmDependencyFlags[] {RpmDependencyFlags.PRETRANS};
            case 4 -> new RpmDependencyFlags[] {RpmDependencyFlags.POSTTRANS};
            case 5 -> new RpmDependencyFlags[] {RpmDependencyFlags.MISSINGOK};
            case 6 -> new RpmDependencyFlags[] {RpmDependencyFlags.SCRIPT_PREUN};
            default -> new RpmDependencyFlags[0];
        };
    }

    private static RpmDependencyFlags[] with(RpmDependencyFlags[] a, RpmDependencyFlags[] b) {
        RpmDependencyFlags[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void files(BuilderContext ctx, Random r, String name, int i, Spec spec) throws IOException {
        ctx.addDirectory("/usr/share/" + name);
        ctx.addFile("/usr/bin/" + name + "-tool", ("#!/bin/sh\necho " + name + "\n").getBytes(StandardCharsets.UTF_8),
                info -> info.setMode((short) 0755));
        int data = r.nextInt(8);
        for (int k = 0; k < data; k++) {
            ctx.addFile("/usr/share/" + name + "/data-" + k, bytes(r, 16 + r.nextInt(4000)));
        }
        if (r.nextBoolean()) {
            ctx.addFile("/etc/" + name + ".conf", ("key=" + i + "\n").getBytes(StandardCharsets.UTF_8),
                    info -> info.setConfiguration(true));
        }
        if (r.nextInt(3) == 0) {
            ctx.addFile("/var/log/" + name + ".log", new byte[0],
                    info -> info.setFileFlags(EnumSet.of(FileFlags.GHOST)));
            ctx.addDirectory("/opt/" + name + "/sbin");
            ctx.addFile("/opt/" + name + "/sbin/helper", bytes(r, 100));
        }
        if (r.nextInt(5) == 0) {
            ctx.addSymbolicLink("/usr/lib/" + name + "-link", "/usr/bin/" + name + "-tool");
        }
        if (i % 31 == 7) {
            ctx.addFile("/usr/lib/sendmail", "sendmail".getBytes(StandardCharsets.UTF_8));
        }
        if (spec.largeEvery() > 0 && i % spec.largeEvery() == spec.largeEvery() - 1) {
            ctx.addFile("/usr/share/" + name + "/large.bin", bytes(r, spec.largeBytes()));
        }
    }

    private static void changelog(org.eclipse.packager.rpm.header.Header<org.eclipse.packager.rpm.RpmTag> h,
                                  Random r, int entries) {
        if (entries == 0) {
            return;
        }
        int[] times = new int[entries];
        String[] authors = new String[entries];
        String[] texts = new String[entries];
        long t = 1_650_000_000L;
        for (int k = 0; k < entries; k++) {
            times[k] = (int) t;
            if (r.nextInt(3) != 0) {
                t -= 86_400L * (1 + r.nextInt(30));
            }
            authors[k] = "Dev " + k + " <dev" + k + "@example.org> - 1." + (entries - k) + (r.nextBoolean() ? "  " : "");
            texts[k] = "- change " + k + (r.nextBoolean() ? "\n- and & <another>" : "");
        }
        h.putInt(1080, times);
        h.putStringArray(1081, authors);
        h.putStringArray(1082, texts);
    }

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** Generates a corpus: {@code DIR COUNT [SEED [LARGE_EVERY LARGE_BYTES]]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        int largeEvery = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        int largeBytes = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        generate(dir, new Spec(count, seed, largeEvery, largeBytes));
    }
}
