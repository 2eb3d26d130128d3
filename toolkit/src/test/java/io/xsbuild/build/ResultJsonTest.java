package io.xsbuild.build;

import io.xsbuild.build.output.Artifact;
import io.xsbuild.build.output.PackageResult;
import io.xsbuild.build.output.RebuildReport;
import io.xsbuild.build.source.GitOrigin;
import io.xsbuild.error.Phrase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * result.json, which CI scripts read, is written by reflection over the report's records: renaming,
 * reordering or retyping a component changes it. A fixed report must come out byte for byte as the
 * checked-in file; a change to the file is a change to what those scripts read.
 */
class ResultJsonTest {

    private static final String IMAGE = "xsbuild/el7-env:0c5f1e2d3a4b5c6d";
    private static final String IMAGE_ID = "sha256:" + "4e".repeat(32);

    @TempDir
    Path out;

    @Test
    void aReportIsWrittenExactlyAsTheCheckedInFile() throws Exception {
        Path written = out.resolve(Rebuild.RESULT_FILE);
        Rebuild.write(written, report());
        try (InputStream expected = ResultJsonTest.class.getResourceAsStream("result.json")) {
            assertThat(expected).as("the checked-in result.json").isNotNull();
            assertThat(written).hasBinaryContent(expected.readAllBytes());
        }
    }

    /** Three packages: one built from git, one --make build, one that failed in rpmbuild. */
    static RebuildReport report() {
        GitOrigin tagged = new GitOrigin("https://git.example.org/xsgit.git", "96c3fcc" + "0".repeat(33), "1.0-2-g96c3fcc",
                false, "1.0", "1+s0+1.0+2+g96c3fcc%{?dist}");
        PackageResult fromGit = new PackageResult("xsgit", PackageResult.Status.BUILT,
                new Artifact("SRPMS/xsgit-1.0-1+s0+1.0+2+g96c3fcc.el7.src.rpm", "xsgit-1.0-1+s0+1.0+2+g96c3fcc.el7.src",
                        "a1".repeat(32), 20_480),
                List.of(new Artifact("RPMS/x86_64/xsgit-1.0-1+s0+1.0+2+g96c3fcc.el7.x86_64.rpm",
                                "xsgit-1.0-1+s0+1.0+2+g96c3fcc.el7.x86_64", "b2".repeat(32), 8_192),
                        new Artifact("RPMS/noarch/xsgit-doc-1.0-1+s0+1.0+2+g96c3fcc.el7.noarch.rpm",
                                "xsgit-doc-3:1.0-1+s0+1.0+2+g96c3fcc.el7.noarch", "c3".repeat(32), 4_096)),
                List.of(), tagged, stages("image", 0.5, "container", 1.25, "srpm", 2.0, "builddep", 14.125,
                        "rpmbuild", 31.0625, "collect", 0.375, "remove", 0.25),
                44.5, IMAGE, IMAGE_ID, "logs/xsgit", null, null, List.of(), null);
        PackageResult made = new PackageResult("xsmake", PackageResult.Status.BUILT, null, List.of(),
                List.of(new Artifact("artifacts/bin/xsmake", null, "d4".repeat(32), 17_000)),
                new GitOrigin("/home/dev/src/xsmake", "e5".repeat(20), "v2.1-dirty", true, null, null),
                stages("image", 0.5, "container", 1.0, "make", 3.75, "collect", 0.125, "remove", 0.25),
                4.0, IMAGE, IMAGE_ID, "logs/xsmake", null, null, List.of(), "0123456789ab");
        PackageResult failed = new PackageResult("xsdemo-broken", PackageResult.Status.FAILED, null, List.of(), List.of(),
                null, stages("image", 0.5, "container", 1.0, "fetch", 0.75, "builddep", 6.5, "rpmbuild", 2.0),
                9.25, IMAGE, IMAGE_ID, "logs/xsdemo-broken", "rpmbuild",
                Phrase.of("rpmbuild of xsdemo-broken-1.0-1.src.rpm failed (exit 1): its log: /home/dev/out/logs/xsdemo-broken/build.log"),
                List.of("+ make", "gcc -o \"hello\" hello.c\t# C:\\temp", "make: *** [all] Error 2", "Ünïcode ✓",
                        "error: Bad exit status from /var/tmp/rpm-tmp.1 (%build)"), null);
        return new RebuildReport(false, "/home/dev/out", "ci-job-4711", "el7", IMAGE, IMAGE_ID,
                List.of(fromGit, made, failed), 61.03125);
    }

    private static Map<String, Double> stages(Object... namesAndSeconds) {
        Map<String, Double> stages = new LinkedHashMap<>();
        for (int i = 0; i < namesAndSeconds.length; i += 2) {
            stages.put((String) namesAndSeconds[i], (Double) namesAndSeconds[i + 1]);
        }
        return stages;
    }
}
