package io.xsbuild.session;

import io.xsbuild.container.ContainerException;
import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.LabelledContainer;
import io.xsbuild.container.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Containers of xsbuild sessions whose process is gone without removing them: killed with
 * SIGKILL, or by the machine going down, where no shutdown hook runs. Only containers that record
 * an owner on this machine are judged; those kept on purpose ({@code --keep}) are not leftovers.
 */
public final class Leftovers {

    /** One leftover container, and why its session is over. */
    public record Leftover(String containerId, String session, String state, String why) {

        /** The first twelve characters of the id, as docker shows it. */
        public String shortId() {
            return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
        }
    }

    private Leftovers() {
    }

    /** The leftovers on this engine, of sessions started on this machine. */
    public static List<Leftover> find(ContainerRuntime runtime) throws ContainerException {
        String host = SessionOwner.hostName();
        List<Leftover> found = new ArrayList<>();
        for (LabelledContainer c : runtime.listByLabel(Labels.SESSION)) {
            if ("true".equals(c.labels().get(Labels.KEEP))) {
                continue;
            }
            Optional<SessionOwner> owner = SessionOwner.of(c.labels());
            String why = owner.map(o -> o.gone(host)).orElse(null);
            if (why != null) {
                found.add(new Leftover(c.id(), c.labels().get(Labels.SESSION), c.state(), why));
            }
        }
        return found;
    }

    /** Removes them; gives those removed. */
    public static List<Leftover> remove(ContainerRuntime runtime, List<Leftover> leftovers) throws ContainerException {
        List<Leftover> removed = new ArrayList<>();
        for (Leftover l : leftovers) {
            runtime.remove(l.containerId());
            removed.add(l);
        }
        return removed;
    }

    /** One line naming them and what removes them, for a warning. */
    public static String describe(List<Leftover> leftovers) {
        StringBuilder s = new StringBuilder();
        s.append(leftovers.size()).append(leftovers.size() == 1 ? " container" : " containers")
                .append(" of xsbuild sessions whose process is gone: ");
        for (int i = 0; i < leftovers.size(); i++) {
            Leftover l = leftovers.get(i);
            s.append(i == 0 ? "" : ", ").append(l.shortId()).append(" (session ").append(l.session()).append(", ")
                    .append(l.why()).append(')');
        }
        return s.append("; remove them with xsbuild doctor --clean").toString();
    }
}
