package io.xsbuild.cli;

import io.xsbuild.chain.ChainGraph;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.xsbuild.chain.ChainGraphTest.node;
import static org.assertj.core.api.Assertions.assertThat;

class ChainPlanTest {

    private static ChainPlan plan() throws Exception {
        return new ChainPlan(ChainGraph.of(List.of(
                node("xsdemo", List.of(), "xsdemo", "xsdemo-devel>xsdemo"),
                node("xsdemo-hello", List.of("xsdemo-devel"), "xsdemo-hello"),
                node("xsdemo-tools", List.of("xsdemo-devel"), "xsdemo-tools"),
                node("xsdemo-report", List.of("xsdemo-tools"), "xsdemo-report"))),
                List.of("--profile=xs8", "--repo=https://repo.example/xs8/", "--define=dist .xs8"));
    }

    @Test
    void theJsonPlanHasTheLevelsAndEachPackagesNeeds() throws Exception {
        String json = plan().render("json");
        assertThat(json).contains("\"levels\": [\n    [\n      \"xsdemo\"\n    ],\n    [\n      \"xsdemo-hello\",\n      \"xsdemo-tools\"")
                .contains("\"name\": \"xsdemo-report\",\n      \"input\": \"xsdemo-report\",\n      \"level\": 2,\n"
                        + "      \"dependsOn\": [\n        \"xsdemo-tools\"\n      ]");
    }

    @Test
    void aGitlabJobPerPackageNeedsTheJobsOfWhatItBuildsAgainstAndGetsTheirRpmsAsALocalRepo() throws Exception {
        String yaml = plan().render("gitlab");
        assertThat(yaml).contains("xsdemo:\n  extends: .xsbuild-package\n  needs: []\n  script:\n"
                + "    - \"xsbuild chain --out xsbuild-out/xsdemo --profile=xs8 --repo=https://repo.example/xs8/ '--define=dist .xs8' xsdemo\"\n");
        assertThat(yaml).contains("xsdemo-report:\n  extends: .xsbuild-package\n  needs:\n    - job: xsdemo-tools\n      artifacts: true\n"
                + "  script:\n    - \"mkdir -p xsbuild-needed && find xsbuild-out -path '*/RPMS/*' -name '*.rpm' -exec cp -p {} xsbuild-needed/ \\\\;\"\n"
                + "    - \"xsbuild chain --out xsbuild-out/xsdemo-report --local-repo xsbuild-needed --profile=xs8");
        assertThat(yaml).contains("  artifacts:\n    when: always\n    paths: [xsbuild-out/]\n");
    }

    @Test
    void aGithubJobPerLevelIsAMatrixOfItsPackagesNeedingTheLevelBefore() throws Exception {
        String yaml = plan().render("github");
        assertThat(yaml).contains("  level-0:\n    runs-on: ubuntu-latest\n", "  level-1:\n    needs: [level-0]\n",
                "  level-2:\n    needs: [level-1]\n",
                "          - package: \"xsdemo-hello\"\n            command: \"xsbuild chain --out xsbuild-out/xsdemo-hello "
                        + "--local-repo xsbuild-needed",
                "          pattern: rpms-*\n          merge-multiple: true\n          path: xsbuild-needed\n",
                "          name: rpms-${{ matrix.package }}\n          path: xsbuild-out/${{ matrix.package }}/RPMS\n");
        assertThat(yaml.indexOf("level-0:")).isLessThan(yaml.indexOf("download-artifact"));
    }

    @Test
    void wordsAreQuotedForTheShellOnlyWhenTheyNeedIt() {
        assertThat(ChainPlan.quote("--profile=xs8")).isEqualTo("--profile=xs8");
        assertThat(ChainPlan.quote("--define=dist .xs8")).isEqualTo("'--define=dist .xs8'");
        assertThat(ChainPlan.quote("it's")).isEqualTo("'it'\\''s'");
    }
}
