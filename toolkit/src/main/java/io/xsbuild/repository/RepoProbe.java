package io.xsbuild.repository;

import io.xsbuild.error.Phrase;
import io.xsbuild.io.ChecksumType;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Reads a remote repository's {@code repodata/repomd.xml} before any container starts, so that a wrong URL
 * fails at once with its name instead of halfway through installing BuildRequires.
 */
public final class RepoProbe {

    private final HttpClient client;
    private final Duration timeout;

    public RepoProbe(Duration connectTimeout, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
    }

    /** Ten seconds to connect and thirty to answer. */
    public static RepoProbe standard() {
        return new RepoProbe(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /**
     * The checksum of the repository's repomd.xml.
     *
     * @param baseurl the repository's baseurl, with or without its trailing slash
     * @throws RepositoryException naming the repository, the URL and what the server or network said
     */
    public String repomdSha256(String id, URI baseurl) throws RepositoryException {
        URI repomd = repomd(baseurl);
        String why;
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(repomd).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
                return ChecksumType.SHA256.hex(response.body());
            }
            why = "HTTP " + response.statusCode() + " for " + repomd;
        } catch (HttpConnectTimeoutException e) {
            why = "no connection within " + client.connectTimeout().map(Duration::toSeconds).orElse(0L) + " s";
        } catch (HttpTimeoutException e) {
            why = "no answer within " + timeout.toSeconds() + " s";
        } catch (ConnectException e) {
            why = "connection refused";
        } catch (UnknownHostException e) {
            why = "unknown host " + baseurl.getHost();
        } catch (IOException e) {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted";
        }
        throw new RepositoryException(Phrase.of("Cannot read the repository ", id, " at ", baseurl, ": ", why),
                Phrase.of("check the URL (a baseurl with repodata/repomd.xml below it), or leave that ", RepoRequest.Field.REPOS,
                        " out"));
    }

    static URI repomd(URI baseurl) {
        String base = baseurl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "repodata/repomd.xml");
    }
}
