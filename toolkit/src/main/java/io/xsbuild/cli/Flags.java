package io.xsbuild.cli;

import io.xsbuild.build.BuildSettings;
import io.xsbuild.build.BuildSetup;
import io.xsbuild.build.MakeRequest;
import io.xsbuild.build.source.BuildRequest;
import io.xsbuild.chain.ChainRequest;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.Setting;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.demo.DemoRequest;
import io.xsbuild.fetch.FetchOptions;
import io.xsbuild.fetch.IsoSources;
import io.xsbuild.git.DescribeOptions;
import io.xsbuild.image.ImageRequest;
import io.xsbuild.isorepo.IsoRepoRequest;
import io.xsbuild.remaster.RemasterRequest;
import io.xsbuild.repo.RepoCreateRequest;
import io.xsbuild.repo.RepoOptions;
import io.xsbuild.repository.RepoRequest;
import io.xsbuild.snapshot.SnapshotRequest;

import java.util.Map;

import static java.util.Map.entry;

/**
 * The one place where the settings the library and the engine name in their messages become the
 * flags that set them: "workers 0 is not a number of workers" is read as "--workers 0 is not a
 * number of workers". Each setting is set by the same flag in every command that takes it.
 */
public final class Flags {

    private static final Map<Setting, String> FLAGS = Map.ofEntries(
            entry(RepoOptions.Field.BASE_URL, "--baseurl"),
            entry(RepoOptions.Field.CHANGELOG_LIMIT, "--changelog-limit"),
            entry(RepoOptions.Field.WORKERS, "--workers"),
            entry(RepoOptions.Field.SKIP_BAD, "--skip-bad"),
            entry(RepoOptions.Field.WAIT_FOR_LOCK, "--wait"),
            entry(RepoCreateRequest.Field.OUT_DIR, "--out"),
            entry(RepoCreateRequest.Field.RETAIN_OLD_METADATA, "--retain-old-md"),
            entry(RepoCreateRequest.Field.GROUP_FILE, "--groupfile"),
            entry(SnapshotRequest.Field.ISOS, "--iso"),
            entry(SnapshotRequest.Field.OUT_DIR, "--out"),
            entry(SnapshotRequest.Field.SNAPSHOT, "--snapshot"),
            entry(SnapshotRequest.Field.KEEP, "--keep"),
            entry(SnapshotRequest.Field.INCLUDE, "--include"),
            entry(SnapshotRequest.Field.EXCLUDE, "--exclude"),
            entry(SnapshotRequest.Field.WHITELIST, "--whitelist"),
            entry(IsoRepoRequest.Field.ISOS, "--iso"),
            entry(IsoRepoRequest.Field.SHA256, "--sha256"),
            entry(IsoSources.Field.SHA256, "--sha256"),
            entry(FetchOptions.Field.MAVEN_REPOSITORIES, "--maven-repo"),
            entry(FetchOptions.Field.CONNECT_TIMEOUT, "--connect-timeout"),
            entry(FetchOptions.Field.READ_TIMEOUT, "--read-timeout"),
            entry(FetchOptions.Field.RETRIES, "--retries"),
            entry(RepoRequest.Field.LOCAL_REPO, "--local-repo"),
            entry(RepoRequest.Field.REPOS, "--repo"),
            entry(RepoRequest.Field.ENABLE, "--enablerepo"),
            entry(RepoRequest.Field.DISABLE, "--disablerepo"),
            entry(ImageRequest.Field.BUILDDEPS, "--builddeps"),
            entry(DescribeOptions.Field.MATCH, "--match"),
            entry(DescribeOptions.Field.ALWAYS, "--always"),
            entry(BuildRequest.Field.REF, "--ref"),
            entry(BuildRequest.Field.SPEC, "--spec"),
            entry(BuildRequest.Field.VERSION_FROM_TAG, "--version-from-tag"),
            entry(BuildRequest.Field.VERSIONING, "--versioning"),
            entry(MakeRequest.Field.PACKAGE_NAME, "--package"),
            entry(MakeRequest.Field.ARTIFACTS, "--artifacts"),
            entry(BuildSetup.Field.PROFILE, "--profile"),
            entry(BuildSetup.Field.OUT, "--out"),
            entry(BuildSetup.Field.IMAGE, "--image"),
            entry(BuildSettings.Field.SHELL_ON_FAILURE, "--shell-on-failure"),
            entry(ChainRequest.Field.KEEP_GOING, "--continue"),
            entry(RemasterRequest.Field.OUT, "--out"),
            entry(RemasterRequest.Field.ADD_RPMS, "--add-rpms"),
            entry(RemasterRequest.Field.ANSWER_FILE, "--answerfile"),
            entry(RemasterRequest.Field.FILES, "--file"),
            entry(DemoRequest.Field.EXAMPLES, "--examples"));

    private Flags() {
    }

    /** The flag that sets {@code setting}; its field for a setting no flag sets (FlagsTest sees that there is none). */
    public static String of(Setting setting) {
        return FLAGS.getOrDefault(setting, setting.field());
    }

    /** The words as the command line shows them: each setting named by its flag. */
    public static String words(Phrase phrase) {
        return phrase.render(Flags::of);
    }

    /** The error's message, without its hint, each setting named by its flag. */
    public static String message(XsbuildException error) {
        return error.message(Flags::of);
    }

    /** The error's message and hint as the command line shows them: each setting named by its flag. */
    public static String userMessage(XsbuildException error) {
        return error.userMessage(Flags::of);
    }
}
