package io.xsbuild.demo;

import io.xsbuild.container.ContainerException;
import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.LineSink;
import io.xsbuild.error.EnvironmentException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.profile.Profile;
import io.xsbuild.profile.ProfileCatalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The profile the demo builds in, with its base image in the engine: the one asked for; else el9
 * where a registry answers (its base image pulled when missing); else testbase, whose base image
 * recipe ({@link Profile#makeBase()}, the checkout's {@code dockerfiles/testbase/build.sh}) makes without a
 * registry.
 */
final class DemoProfile {

    static final URI REGISTRY = URI.create("https://registry-1.docker.io/v2/");

    private final ContainerRuntime runtime;
    private final Events events;
    private final BooleanSupplier registryAnswers;
    private final Path home;

    /**
     * @param home the xsbuild checkout, where the testbase profile's recipe for its base image is
     */
    DemoProfile(ContainerRuntime runtime, Events events, BooleanSupplier registryAnswers, Path home) {
        this.runtime = runtime;
        this.events = events;
        this.registryAnswers = registryAnswers;
        this.home = home;
    }

    Profile choose(String requested) throws XsbuildException {
        ProfileCatalog catalog = ProfileCatalog.load(java.util.Map.of(ProfileCatalog.ENV_HOME, home.toString()));
        if (requested != null) {
            return catalog.named(requested);
        }
        if (registryAnswers.getAsBoolean()) {
            Profile el9 = catalog.named("el9");
            try {
                if (runtime.findImage(el9.baseImage()).isEmpty()) {
                    events.info("Pulling " + el9.baseImage());
                    runtime.pullImage(el9.baseImage(), LineSink.DISCARD);
                }
                return el9;
            } catch (ContainerException e) {
                events.warn("Cannot pull " + el9.baseImage() + " (" + e.getMessage() + "): the demo builds in testbase");
            }
        }
        Profile testbase = catalog.named("testbase");
        if (runtime.findImage(testbase.baseImage()).isEmpty()) {
            events.info("No registry answers and " + testbase.baseImage() + " is missing: making it with debootstrap");
            makeBase(testbase);
        }
        return testbase;
    }

    /** Whether a registry answers at all (any HTTP status will do), within a few seconds. */
    static boolean dockerHubAnswers() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        try {
            client.send(HttpRequest.newBuilder(REGISTRY).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the profile's recipe for its base image, a script in the checkout. */
    private void makeBase(Profile profile) throws XsbuildException {
        String image = profile.baseImage();
        Path script = Path.of(profile.makeBase());
        if (!Files.isExecutable(script)) {
            throw new EnvironmentException("The image " + image + " is missing and " + script + " is not there to make it",
                    "run xsbuild from its checkout, or make the image there with " + profile.makeBase());
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new EnvironmentException("The image " + image + " is missing, and making it takes root (debootstrap)",
                    "run sudo " + script + " once, then xsbuild demo again");
        }
        try {
            Process process = new ProcessBuilder(script.toString()).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    events.info(line);
                }
            }
            int exit = process.waitFor();
            if (exit != 0) {
                throw new EnvironmentException(script + " failed (exit " + exit + ") making " + image,
                        "its output is above; run it by hand to see more");
            }
        } catch (IOException e) {
            throw new EnvironmentException("Cannot run " + script + ": " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("Interrupted while making " + image, null, e);
        }
    }
}
