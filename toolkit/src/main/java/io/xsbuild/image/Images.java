package io.xsbuild.image;

import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.RuntimeConnector;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.UsageException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.repository.ContainerRepos;
import io.xsbuild.repository.RepoRequest;
import io.xsbuild.repository.Repository;
import io.xsbuild.session.Session;

import java.util.ArrayList;
import java.util.List;

/** {@code xsbuild image build}: a profile's image, or a warm one, made or found, and tagged. */
public final class Images {

    private final RuntimeConnector connector;
    private final Events events;

    public Images(RuntimeConnector connector, Events events) {
        this.connector = connector;
        this.events = events;
    }

    public ImageResult build(ImageRequest request) throws XsbuildException {
        long start = System.nanoTime();
        try (ContainerRepos repos = ContainerRepos.resolve(request.repos(), request.profile().name(),
                request.profile().repoFiles(), events)) {
            if (!request.builddeps().isEmpty() && repos.selection().isEmpty()) {
                throw new UsageException(Phrase.of(ImageRequest.Field.BUILDDEPS, " needs ", RepoRequest.Field.REPOS, " (or ",
                        RepoRequest.Field.LOCAL_REPO, ")"),
                        Phrase.of("a warm image is made from repositories xsbuild can tell have not changed"));
            }
            try (ContainerRuntime runtime = connector.connect();
                 Session session = Session.open(runtime, request.session(), events)) {
                EnvImages images = new EnvImages(session);
                EnvImage image = images.ensure(request.profile());
                boolean built = image.built();
                if (!request.builddeps().isEmpty()) {
                    image = images.warm(image, request.profile(), repos, request.builddeps());
                    built |= image.built();
                }
                List<String> tags = new ArrayList<>(List.of(image.tag()));
                if (request.extraTag() != null && !request.extraTag().equals(image.tag())) {
                    runtime.tagImage(image.id(), request.extraTag());
                    tags.add(request.extraTag());
                }
                return new ImageResult(image.tag(), image.id(), tags, built, request.profile().name(),
                        request.profile().baseImage(), image.builddeps(),
                        repos.selection().repositories().stream().map(Repository::given).toList(),
                        image.warm() ? image.repos() : null, (System.nanoTime() - start) / 1e9);
            }
        }
    }
}
