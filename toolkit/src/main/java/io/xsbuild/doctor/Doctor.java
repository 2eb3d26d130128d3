package io.xsbuild.doctor;

import io.xsbuild.container.ContainerException;
import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.EngineInfo;
import io.xsbuild.container.RuntimeConnector;
import io.xsbuild.profile.Profile;
import io.xsbuild.profile.ProfileCatalog;
import io.xsbuild.session.Leftovers;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks what xsbuild needs: a container engine that answers (Docker, or Podman through its
 * Docker-compatible API), the base image of each profile (and the host tools that make a missing
 * one), and free disk where builds and images go.
 */
public final class Doctor {

    private final RuntimeConnector connector;
    private final List<Profile> profiles;
    private final List<ProfileCatalog.Broken> broken;
    private final List<Path> workDirs;
    private final Map<String, String> env;

    public Doctor(RuntimeConnector connector, ProfileCatalog profiles, List<Path> workDirs, Map<String, String> env) {
        this.connector = connector;
        this.profiles = profiles.all();
        this.broken = profiles.broken();
        this.workDirs = List.copyOf(workDirs);
        this.env = Map.copyOf(env);
    }

    public DoctorReport check() {
        return check(false, null);
    }

    /**
     * Checks the machine; with {@code clean}, also removes the containers of xsbuild sessions whose
     * process is gone ({@link Leftovers}): those of {@code session} only, when it is not null.
     */
    public DoctorReport check(boolean clean, String session) {
        EngineCheck engine;
        String client = "docker";
        List<ImageCheck> images = new ArrayList<>();
        List<Path> disks = new ArrayList<>(workDirs);
        List<Leftovers.Leftover> leftovers = List.of();
        List<Leftovers.Leftover> removed = List.of();
        try (ContainerRuntime runtime = connector.connect()) {
            EngineInfo info = runtime.info();
            client = info.client();
            engine = new EngineCheck(true, info.product(), info.endpoint(), info.chosenBy(), info.version(), info.apiVersion(),
                    info.os(), null, null);
            for (Profile p : profiles) {
                boolean present = runtime.findImage(p.baseImage()).isPresent();
                images.add(new ImageCheck(p.name(), p.description(), p.aliases(), p.folder().location(), p.baseImage(),
                        present, present ? null : p.makeBase(), null));
            }
            if (info.rootDir() != null && Files.isDirectory(Path.of(info.rootDir()))) {
                disks.add(Path.of(info.rootDir()));
            }
            leftovers = Leftovers.find(runtime);
            if (clean) {
                removed = Leftovers.remove(runtime, leftovers.stream()
                        .filter(l -> session == null || session.equals(l.session())).toList());
                leftovers = Leftovers.find(runtime);
            }
        } catch (ContainerException e) {
            String endpoint = e instanceof io.xsbuild.container.EngineUnavailableException u ? u.endpoint() : null;
            engine = new EngineCheck(false, null, endpoint, null, null, null, null, e.userMessage(), e);
        }
        if (!engine.reachable()) {
            for (Profile p : profiles) {
                images.add(new ImageCheck(p.name(), p.description(), p.aliases(), p.folder().location(), p.baseImage(),
                        false, p.makeBase(), null));
            }
        }
        for (ProfileCatalog.Broken b : broken) {
            images.add(new ImageCheck(b.name(), null, List.of(), b.location(), null, false, null, b.error().userMessage()));
        }
        return new DoctorReport(engine, images, tools(client), disks(disks), leftovers, removed);
    }

    /** The host tools, {@code client} being the engine's command line client (docker or podman). */
    private List<ToolCheck> tools(String client) {
        Map<String, List<String>> neededBy = new LinkedHashMap<>();
        neededBy.computeIfAbsent(client, k -> new ArrayList<>()).add("entering a kept container");
        for (Profile p : profiles) {
            for (String tool : p.hostTools()) {
                neededBy.computeIfAbsent(tool, k -> new ArrayList<>()).add("making the " + p.name() + " base image");
            }
        }
        List<ToolCheck> checks = new ArrayList<>();
        neededBy.forEach((tool, uses) -> {
            Path found = onPath(tool);
            checks.add(new ToolCheck(tool, found != null, found, String.join(", ", uses),
                    found == null ? "apt-get install -y " + ("docker".equals(tool) ? "docker.io" : tool) : null));
        });
        return checks;
    }

    private Path onPath(String tool) {
        String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        // debootstrap lives in /usr/sbin, which a user's PATH often leaves out.
        for (String dir : List.of("/usr/sbin", "/sbin")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<DiskCheck> disks(List<Path> dirs) {
        List<DiskCheck> checks = new ArrayList<>();
        java.util.Set<java.nio.file.FileStore> seen = new java.util.HashSet<>();
        for (Path dir : dirs) {
            Path existing = dir.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                continue;
            }
            try {
                var store = Files.getFileStore(existing);
                if (!seen.add(store)) {
                    continue; // one line per file system
                }
                checks.add(new DiskCheck(dir, store.getUsableSpace(), store.getTotalSpace()));
            } catch (IOException e) {
                checks.add(new DiskCheck(dir, -1, -1));
            }
        }
        return checks;
    }
}
