package io.xsbuild.spec;

import io.xsbuild.build.source.BuildRequest;
import io.xsbuild.error.Phrase;
import io.xsbuild.git.DescribeOptions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * XenServer's versioning of RPMs built from git: the spec's Release gets {@code +s0+} and the
 * {@code git describe} string with each {@code -} turned into {@code +}, inserted before {@code %{?dist}}
 * or appended when there is none. Release {@code 1%{?dist}} at {@code 0.10.0-8-g96c3fcc} becomes
 * {@code 1+s0+0.10.0+8+g96c3fcc%{?dist}}; exactly on a tag, {@code 1+s0+0.10.0}; a dirty tree's describe
 * string ends in {@code -dirty}, so the release in {@code +dirty}. With {@code --version-from-tag} the
 * Version becomes the tag, a leading {@code v} before a digit dropped, and the Release is stamped the same way.
 */
public final class GitVersioning {

    private static final Pattern DIST = Pattern.compile("%\\{[?!]*dist(?::[^}]*)?}|%dist\\b");
    private static final Pattern RPM_VERSION_CHARS = Pattern.compile("[A-Za-z0-9._+~^]+");

    private GitVersioning() {
    }

    /** What goes into the Release: {@code +s0+} and the describe string with {@code -} made {@code +}. */
    public static String releaseSuffix(String describe) {
        return "+s0+" + describe.replace('-', '+');
    }

    /**
     * The Release value {@code release} stamped with {@code describe}. When the {@code %{?dist}} is hidden
     * in a macro of the spec, the macros are written out in place so the stamp still lands before it.
     */
    public static String stampRelease(SpecFile spec, String release, String describe) throws SpecException {
        String suffix = releaseSuffix(describe);
        if (!RPM_VERSION_CHARS.matcher(suffix).matches()) {
            throw new SpecException(spec.path(), Phrase.of("The git description '", describe, "' cannot go into the Release of ",
                    spec.path().getFileName(), ": rpm allows only letters, digits and . _ + ~ ^ there"),
                    Phrase.of("choose a tag made of those with ", DescribeOptions.Field.MATCH));
        }
        if (release.contains("%autorelease")) {
            throw new SpecException(spec.path(), spec.path().getFileName() + " takes its Release from %autorelease",
                    "xsbuild stamps a literal Release: write one such as 1%{?dist}");
        }
        String value = DIST.matcher(release).find() ? release : spec.macros().expandDefined(release);
        if (!DIST.matcher(value).find()) {
            value = release;
        }
        Matcher dist = DIST.matcher(value);
        return dist.find() ? value.substring(0, dist.start()) + suffix + value.substring(dist.start()) : value + suffix;
    }

    /** The RPM Version a tag stands for: the tag, a leading {@code v} before a digit dropped. */
    public static String versionFromTag(SpecFile spec, String tag) throws SpecException {
        String version = tag.matches("[vV]\\d.*") ? tag.substring(1) : tag;
        if (!RPM_VERSION_CHARS.matcher(version).matches()) {
            throw new SpecException(spec.path(), Phrase.of("The tag '", tag, "' cannot be the Version of ",
                    spec.path().getFileName(), ": rpm allows only letters, digits and . _ + ~ ^ there"),
                    Phrase.of("build without ", BuildRequest.Field.VERSION_FROM_TAG, ", or choose another tag with ",
                            DescribeOptions.Field.MATCH));
        }
        return version;
    }
}
