package io.xsbuild.session;

import io.xsbuild.container.ContainerSpec;
import io.xsbuild.container.FakeRuntime;
import io.xsbuild.container.ImageInfo;
import io.xsbuild.container.Labels;
import io.xsbuild.event.Events;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTest {

    private final FakeRuntime fake = new FakeRuntime();

    @BeforeEach
    void image() {
        fake.images.put("img", new ImageInfo("sha256:img", List.of("img"), Map.of(), 1));
    }

    @Test
    void everyContainerCarriesTheSessionLabelAndIsRemovedOnClose() throws Exception {
        String id;
        try (Session session = Session.open(fake, "it-session", Events.NONE)) {
            id = session.start(ContainerSpec.builder("img")).id();
            session.start(ContainerSpec.builder("img"));
            assertThat(fake.containers.values()).allSatisfy(spec ->
                    assertThat(spec.labels()).containsEntry(Labels.SESSION, "it-session"));
        }
        assertThat(fake.containers).isEmpty();
        assertThat(fake.removed).contains(id);
    }

    @Test
    void aKeptContainerOutlivesTheSession() throws Exception {
        SessionContainer kept;
        try (Session session = Session.open(fake, null, Events.NONE)) {
            kept = session.start(ContainerSpec.builder("img"));
            session.start(ContainerSpec.builder("img"));
            session.keep(kept);
            assertThat(session.id()).matches("xsb-[0-9a-f]{12}");
        }
        assertThat(fake.containers).containsOnlyKeys(kept.id());
    }

    @Test
    void aDiscardedContainerIsGoneAtOnce() throws Exception {
        try (Session session = Session.open(fake, null, Events.NONE)) {
            SessionContainer c = session.start(ContainerSpec.builder("img"));
            session.discard(c);
            assertThat(fake.containers).isEmpty();
        }
    }

    @Test
    void anInterruptionRemovesEveryContainerOfTheSessionEvenKeptOnes() throws Exception {
        try (Session session = Session.open(fake, "it-stop", Events.NONE)) {
            session.keep(session.start(ContainerSpec.builder("img")));
            session.start(ContainerSpec.builder("img"));
            session.interrupt();
            assertThat(session.interrupted()).isTrue();
            assertThat(fake.containers).isEmpty();
        }
    }
}
