package io.xsbuild.it;

import io.xsbuild.cli.CliRun;
import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.ImageInfo;
import io.xsbuild.container.Labels;
import io.xsbuild.image.EnvImage;
import io.xsbuild.session.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** xsbuild image build on the real engine: warm images, found again when nothing changed. */
class ImageBuildIT {

    private static final List<String> MADE = new ArrayList<>();

    private final String session = "it-image-" + UUID.randomUUID();

    @TempDir
    Path dir;

    @AfterAll
    static void removeTheWarmImagesOfThisRun() throws Exception {
        try (ContainerRuntime runtime = Engine.withTestbase()) {
            for (String tag : MADE) {
                runtime.removeImage(tag);
            }
        }
    }

    private CliRun xsbuild(String... args) {
        return CliRun.run(Engine::connect, Map.of(Session.ENV, session), dir, args);
    }

    @Test
    void aWarmImageIsMadeOnceThenFoundWithoutABuildAndRebuildUsesIt() throws Exception {
        Path repo = ExampleRepo.dir();
        String[] imageBuild = {"image", "build", "--profile", "testbase", "--repo", repo.toString(),
            "--builddeps", "xsdemo-hello", "--json"};

        CliRun first = xsbuild(imageBuild);
        assertThat(first.exitCode).as(first.toString()).isZero();
        String tag = field(first.out, "tag");
        MADE.add(tag);
        assertThat(tag).matches("xsbuild/testbase-deps:[0-9a-f]{16}");
        assertThat(first.out).contains("\"built\": true", "\"reposDigest\": \"", "\"repos\": [\n    \"" + repo + "\"\n  ]");

        try (ContainerRuntime runtime = Engine.withTestbase()) {
            ImageInfo image = runtime.findImage(tag).orElseThrow();
            assertThat(image.labels()).containsEntry(EnvImage.BUILDDEPS_LABEL, "xsdemo-hello")
                    .containsEntry(Labels.SESSION, session).containsEntry(Labels.PROFILE, "testbase");

            CliRun second = xsbuild(imageBuild);
            assertThat(second.exitCode).as(second.toString()).isZero();
            assertThat(second.out).contains("\"built\": false", "\"tag\": \"" + tag + "\"", "\"id\": \"" + image.id() + "\"");
            assertThat(second.err).contains(tag + " is up to date: nothing to build");
            assertThat(Double.parseDouble(field(second.out, "seconds"))).as("seconds of the second image build").isLessThan(5);

            assertThat(runtime.removeByLabel(Labels.SESSION, session)).isZero();
        }

        CliRun rebuild = xsbuild("rebuild", "--profile", "testbase", "--repo", repo.toString(), "xsdemo-hello");
        assertThat(rebuild.exitCode).as(rebuild.toString()).isZero();
        assertThat(rebuild.err).contains("Using the warm image " + tag);
        assertThat(Files.readString(dir.resolve("xsbuild-out/logs/xsdemo-hello/root.log"))).contains("nothing to install");
        assertThat(Files.readString(dir.resolve("xsbuild-out/logs/xsdemo-hello/state.log"))).contains(tag);
    }

    @Test
    void anUnknownBuilddepIsOneClearLineAndExits1() throws Exception {
        CliRun r = xsbuild("image", "build", "--profile", "testbase", "--repo", ExampleRepo.dir().toString(),
                "--builddeps", "no-such-package");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.err.lines().toList()).last().asString()
                .startsWith("xsbuild: No source package 'no-such-package' in the repositories of this run");
    }

    /** A string or number field of the JSON object printed. */
    private static String field(String json, String name) {
        var m = java.util.regex.Pattern.compile("\"" + name + "\": \"?([^\",\\n]+)").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }
}
