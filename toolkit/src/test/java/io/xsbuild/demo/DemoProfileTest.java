package io.xsbuild.demo;

import io.xsbuild.container.FakeRuntime;
import io.xsbuild.container.ImageInfo;
import io.xsbuild.error.EnvironmentException;
import io.xsbuild.event.Events;
import io.xsbuild.profile.ProfileCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** el9 where a registry answers, testbase where none does, the profile asked for when one is. */
class DemoProfileTest {

    @TempDir
    Path home;

    final FakeRuntime runtime = new FakeRuntime();

    private DemoProfile profile(boolean registry) {
        return new DemoProfile(runtime, Events.NONE, () -> registry, home);
    }

    @Test
    void whereARegistryAnswersTheEl9BaseImageIsPulledWhenMissing() throws Exception {
        runtime.registry.put("almalinux:9", new ImageInfo("sha256:a1", java.util.List.of(), java.util.Map.of(), 0));
        assertThat(profile(true).choose(null).name()).isEqualTo("el9");
        assertThat(runtime.pulled).containsExactly("almalinux:9");
        assertThat(profile(true).choose(null).name()).isEqualTo("el9");
        assertThat(runtime.pulled).as("pulled once").hasSize(1);
    }

    @Test
    void offlineTheTestbaseImageThatIsThereIsUsed() throws Exception {
        runtime.images.put(ProfileCatalog.TESTBASE_IMAGE, new ImageInfo("sha256:t", java.util.List.of(), java.util.Map.of(), 0));
        assertThat(profile(false).choose(null).name()).isEqualTo("testbase");
        assertThat(runtime.pulled).isEmpty();
    }

    @Test
    void whenTheRegistryAnswersButThePullFailsTheDemoFallsBackToTestbase() throws Exception {
        runtime.images.put(ProfileCatalog.TESTBASE_IMAGE, new ImageInfo("sha256:t", java.util.List.of(), java.util.Map.of(), 0));
        assertThat(profile(true).choose(null).name()).isEqualTo("testbase");
        assertThat(runtime.pulled).containsExactly("almalinux:9");
    }

    @Test
    void offlineWithoutTheTestbaseImageOrItsRecipeSaysWhatToDo() {
        assertThatThrownBy(() -> profile(false).choose(null)).isInstanceOf(EnvironmentException.class)
                .hasMessageContaining(ProfileCatalog.TESTBASE_IMAGE).hasMessageContaining("build.sh");
    }

    @Test
    void theProfileAskedForIsTakenWithoutAskingARegistry() throws Exception {
        assertThat(new DemoProfile(runtime, Events.NONE, () -> {
            throw new AssertionError("asked");
        }, home).choose("el7").name()).as("el7 is what xs8 answers to").isEqualTo("xs8");
    }
}
