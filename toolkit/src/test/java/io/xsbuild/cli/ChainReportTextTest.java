package io.xsbuild.cli;

import io.xsbuild.build.MakeRequest;
import io.xsbuild.chain.ChainPackage;
import io.xsbuild.chain.ChainReport;
import io.xsbuild.chain.ChainRequest;
import io.xsbuild.container.FakeRuntime;
import io.xsbuild.error.Phrase;
import io.xsbuild.json.Json;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChainReportTextTest {

    private static ChainPackage result(String name, ChainPackage.Status status, Phrase why, Phrase error) {
        return new ChainPackage(name, name, status, why, List.of(), null, null, List.of(), null, 0, null,
                error == null ? null : "logs/" + name, error == null ? null : "collect", error, List.of());
    }

    @Test
    void whatTheReportNamesAsSettingsTheUserReadsAsFlagsAndResultJsonAsFields() {
        ChainReport report = new ChainReport(false, "/out", "s", "el9", List.of("local"), List.of(List.of("a", "b")),
                List.of(result("a", ChainPackage.Status.FAILED, null,
                                Phrase.of("No file of a matches ", MakeRequest.Field.ARTIFACTS, " *.so after make")),
                        result("b", ChainPackage.Status.SKIPPED, Phrase.of("not started: a failed, and without ",
                                ChainRequest.Field.KEEP_GOING, " the chain stops there"), null)), 1.5);
        StringWriter err = new StringWriter();
        ChainReportText text = new ChainReportText(new CliContext(FakeRuntime::new, Map.of(),
                new PrintWriter(new StringWriter()), new PrintWriter(err), false, Path.of("/")));

        text.reportFailures(report);

        assertThat(err).hasToString("xsbuild: a: No file of a matches --artifacts *.so after make\n");
        assertThat(text.text(report)).contains("b: skipped: not started: a failed, and without --continue the chain stops there\n");
        assertThat(Json.pretty(report)).contains("\"why\": \"not started: a failed, and without keepGoing the chain stops there\"",
                "\"error\": \"No file of a matches artifacts *.so after make\"");
    }
}
