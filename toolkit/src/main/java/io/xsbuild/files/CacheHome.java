package io.xsbuild.files;

import java.nio.file.Path;
import java.util.Map;

/** Where xsbuild keeps what it can make again: {@code ${XDG_CACHE_HOME:-$HOME/.cache}/xsbuild}. */
public final class CacheHome {

    private CacheHome() {
    }

    /** The user's home in {@code env} ({@code HOME}), else the JVM's. */
    public static Path userHome(Map<String, String> env) {
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
    }

    /** xsbuild's cache directory for the user whose environment is {@code env} and home {@code home}. */
    public static Path of(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("xsbuild");
    }

    /** xsbuild's cache directory for the user whose environment is {@code env}. */
    public static Path of(Map<String, String> env) {
        return of(env, userHome(env));
    }
}
