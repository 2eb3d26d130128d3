package io.xsbuild.fetch;

import io.xsbuild.error.Phrase;
import io.xsbuild.error.UsageException;
import io.xsbuild.io.SafeXml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user's Maven {@code settings.xml} says that matters for fetching one artifact: the local
 * repository, the mirrors and the credentials of servers. {@code ${user.home}} and
 * {@code ${env.NAME}} are interpolated; profiles, proxies and encrypted passwords are not read.
 *
 * @param localRepository the {@code <localRepository>}, or null
 */
record MavenSettings(Path localRepository, List<Mirror> mirrors, List<Server> servers) {

    static final MavenSettings NONE = new MavenSettings(null, List.of(), List.of());

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{(env\\.)?([^}]+)}");
    private static final Set<String> FIELDS = Set.of("id", "url", "mirrorOf", "username", "password");

    /** A {@code <mirror>}: {@code mirrorOf} as Maven reads it ("*", "external:*", "central,!snapshots"). */
    record Mirror(String id, String url, String mirrorOf) {
    }

    /** A {@code <server>}'s credentials; a password in braces is encrypted with settings-security. */
    record Server(String id, String username, String password) {

        boolean encrypted() {
            return password != null && password.startsWith("{") && password.endsWith("}");
        }
    }

    MavenSettings {
        mirrors = List.copyOf(mirrors);
        servers = List.copyOf(servers);
    }

    /** The settings in {@code file}, or {@link #NONE} when there is no such file. */
    static MavenSettings read(Path file, Path userHome, Map<String, String> env) throws UsageException {
        if (file == null || !Files.isRegularFile(file)) {
            return NONE;
        }
        try {
            return parse(Files.readAllBytes(file), userHome, env);
        } catch (IOException | XMLStreamException e) {
            throw new UsageException(Phrase.of("cannot read the Maven settings ", file, ": ", e.getMessage().replace('\n', ' ')),
                    Phrase.of("fix the file, or give the repositories with ", FetchOptions.Field.MAVEN_REPOSITORIES));
        }
    }

    static MavenSettings parse(byte[] xml, Path userHome, Map<String, String> env) throws XMLStreamException {
        XMLStreamReader r = SafeXml.reader(xml);
        Deque<String> path = new ArrayDeque<>();
        Map<String, String> fields = new HashMap<>();
        Path localRepository = null;
        List<Mirror> mirrors = new ArrayList<>();
        List<Server> servers = new ArrayList<>();
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String at = String.join("/", path);
                String name = r.getLocalName();
                if (at.equals("settings") && name.equals("localRepository")) {
                    localRepository = Path.of(interpolate(SafeXml.text(r), userHome, env));
                } else if ((at.equals("settings/mirrors/mirror") || at.equals("settings/servers/server")) && FIELDS.contains(name)) {
                    fields.put(name, interpolate(SafeXml.text(r), userHome, env));
                } else {
                    path.addLast(name);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String at = String.join("/", path);
                if (at.equals("settings/mirrors/mirror")) {
                    mirrors.add(new Mirror(fields.get("id"), fields.get("url"), fields.getOrDefault("mirrorOf", "*")));
                    fields.clear();
                } else if (at.equals("settings/servers/server")) {
                    servers.add(new Server(fields.get("id"), fields.get("username"), fields.get("password")));
                    fields.clear();
                }
                path.pollLast();
            }
        }
        mirrors.removeIf(m -> m.id() == null || m.url() == null);
        servers.removeIf(s -> s.id() == null);
        return new MavenSettings(localRepository, mirrors, servers);
    }

    private static String interpolate(String value, Path userHome, Map<String, String> env) {
        Matcher m = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1) != null ? env.get(m.group(2))
                    : m.group(2).equals("user.home") ? userHome.toString() : null;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement != null ? replacement : m.group()));
        }
        return m.appendTail(out).toString();
    }
}
