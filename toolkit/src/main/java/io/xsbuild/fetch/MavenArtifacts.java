package io.xsbuild.fetch;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.ChecksumFailureException;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.SimpleResolutionErrorPolicy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * ISOs by Maven coordinates, resolved with Maven Resolver into the local repository: from the
 * repositories given (Maven Central by default) through the user's settings.xml mirrors and
 * credentials, with checksum policy FAIL. The resolver moves a file into the local repository only
 * once its checksums match, so a bad download never looks like a good one. The only class that
 * talks to Maven Resolver.
 */
final class MavenArtifacts {

    private final FetchOptions options;
    private final Map<String, String> env;
    private final Events events;

    MavenArtifacts(FetchOptions options, Map<String, String> env, Events events) {
        this.options = options;
        this.env = env;
        this.events = events;
    }

    Path resolve(MavenCoordinates coordinates) throws XsbuildException {
        MavenSettings settings = MavenSettings.read(options.mavenSettings(), options.userHome(), env);
        RepositorySystem system = new RepositorySystemSupplier().get();
        try {
            DefaultRepositorySystemSession session = session(system, settings);
            List<RemoteRepository> repositories = system.newResolutionRepositories(session, remotes());
            ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(coordinates.groupId(), coordinates.artifactId(),
                    coordinates.classifier(), coordinates.extension(), coordinates.version()), repositories, null);
            ArtifactResult result = system.resolveArtifact(session, request);
            return result.getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw failure(coordinates, e);
        } finally {
            system.shutdown();
        }
    }

    private DefaultRepositorySystemSession session(RepositorySystem system, MavenSettings settings) {
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(localRepository(settings).toFile())));
        session.setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_FAIL);
        session.setUpdatePolicy(RepositoryPolicy.UPDATE_POLICY_ALWAYS);
        session.setResolutionErrorPolicy(new SimpleResolutionErrorPolicy(false, false));
        DefaultMirrorSelector mirrors = new DefaultMirrorSelector();
        for (MavenSettings.Mirror m : settings.mirrors()) {
            mirrors.add(m.id(), m.url(), "default", false, false, m.mirrorOf(), "*");
        }
        session.setMirrorSelector(mirrors);
        DefaultAuthenticationSelector auth = new DefaultAuthenticationSelector();
        for (MavenSettings.Server s : settings.servers()) {
            if (s.encrypted()) {
                events.warn("the password of server " + s.id() + " in " + options.mavenSettings()
                        + " is encrypted, which xsbuild cannot read; it is not used");
                continue;
            }
            auth.add(s.id(), new AuthenticationBuilder().addUsername(s.username()).addPassword(s.password()).build());
        }
        session.setAuthenticationSelector(auth);
        session.setTransferListener(new ProgressListener(events));
        FetchOptions.Network network = options.network();
        session.setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, (int) Math.min(Integer.MAX_VALUE,
                network.connectTimeout().toMillis()));
        session.setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, (int) Math.min(Integer.MAX_VALUE,
                network.readTimeout().toMillis()));
        session.setConfigProperty(ConfigurationProperties.HTTP_RETRY_HANDLER_COUNT, network.retries());
        return session;
    }

    private Path localRepository(MavenSettings settings) {
        if (options.mavenLocalRepository() != null) {
            return options.mavenLocalRepository();
        }
        if (settings.localRepository() != null) {
            return settings.localRepository();
        }
        return options.userHome().resolve(".m2").resolve("repository");
    }

    /** The repositories asked, each with an id stable across runs (Central's is "central", as mirrorOf expects). */
    private List<RemoteRepository> remotes() {
        List<URI> uris = options.mavenRepositories().isEmpty() ? List.of(FetchOptions.MAVEN_CENTRAL) : options.mavenRepositories();
        RepositoryPolicy policy = new RepositoryPolicy(true, RepositoryPolicy.UPDATE_POLICY_ALWAYS, RepositoryPolicy.CHECKSUM_POLICY_FAIL);
        List<RemoteRepository> remotes = new ArrayList<>();
        for (URI uri : uris) {
            String url = uri.toString();
            String id = uri.equals(FetchOptions.MAVEN_CENTRAL) ? "central"
                    : "xsbuild-" + HexFormat.of().formatHex(ChecksumType.SHA256.newDigest().digest(url.getBytes(StandardCharsets.UTF_8)), 0, 6);
            remotes.add(new RemoteRepository.Builder(id, "default", url).setPolicy(policy).build());
        }
        return remotes;
    }

    private XsbuildException failure(MavenCoordinates coordinates, ArtifactResolutionException e) {
        List<Exception> causes = e.getResult() == null ? List.of() : e.getResult().getExceptions();
        List<String> asked = new ArrayList<>();
        for (RemoteRepository r : e.getResult() == null ? List.<RemoteRepository>of() : e.getResult().getRequest().getRepositories()) {
            asked.add(r.getUrl());
        }
        boolean notFound = !causes.isEmpty();
        for (Exception cause : causes) {
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof ChecksumFailureException) {
                    return new ChecksumMismatchException(coordinates.toString(), Phrase.of("the checksum check of the "
                            + "download failed (", t.getMessage(), ")"), e);
                }
            }
            notFound &= cause instanceof org.eclipse.aether.transfer.ArtifactNotFoundException;
        }
        if (notFound) {
            return new ArtifactNotFoundException(coordinates, asked, e);
        }
        for (Exception cause : causes) {
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof java.net.SocketTimeoutException) {
                    return new DownloadException(coordinates.toString(), Phrase.of("no answer from ", String.join(", ", asked),
                            " within ", HttpDownloader.seconds(options.network().readTimeout()), " (",
                            FetchOptions.Field.READ_TIMEOUT, ")"), e);
                }
            }
        }
        String why = causes.isEmpty() ? e.getMessage() : causes.get(0).getMessage();
        return new DownloadException(coordinates.toString(), why == null ? e.toString() : why.replace('\n', ' '), e);
    }

    /** Reports the resolver's transfers of artifacts (not of checksums or metadata) as progress. */
    private static final class ProgressListener extends AbstractTransferListener {
        private final Events events;

        ProgressListener(Events events) {
            this.events = events;
        }

        @Override
        public void transferProgressed(TransferEvent event) {
            if (isArtifact(event)) {
                events.progress(new Events.Progress(task(event), event.getTransferredBytes(),
                        event.getResource().getContentLength(), "B", null));
            }
        }

        @Override
        public void transferSucceeded(TransferEvent event) {
            done(event);
        }

        @Override
        public void transferFailed(TransferEvent event) {
            done(event);
        }

        @Override
        public void transferCorrupted(TransferEvent event) {
            done(event);
        }

        private void done(TransferEvent event) {
            if (isArtifact(event)) {
                events.progressDone(task(event));
            }
        }

        private static boolean isArtifact(TransferEvent event) {
            String name = event.getResource().getResourceName();
            return !name.endsWith(".sha1") && !name.endsWith(".md5") && !name.endsWith(".xml")
                    && !name.endsWith(".sha256") && !name.endsWith(".sha512");
        }

        private static String task(TransferEvent event) {
            String name = event.getResource().getResourceName();
            return "Downloading " + name.substring(name.lastIndexOf('/') + 1);
        }
    }
}
