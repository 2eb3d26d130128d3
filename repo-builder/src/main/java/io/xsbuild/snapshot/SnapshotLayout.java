package io.xsbuild.snapshot;

import io.xsbuild.event.Events;
import io.xsbuild.iso.IsoEntry;
import io.xsbuild.repo.PackageOrder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where packages go in a snapshot directory, whatever their place in the images: binary packages
 * flat in {@code Packages/}, source packages ({@code *.src.rpm}, {@code *.nosrc.rpm}) flat in
 * {@code SRPMS/}, each under its file name; {@code repodata/} and {@code snapshot.json} beside them.
 */
final class SnapshotLayout {

    static final String BINARY = "Packages";
    static final String SOURCE = "SRPMS";
    static final String INFO = "snapshot.json";

    private SnapshotLayout() {
    }

    static String href(IsoEntry rpm) {
        return (IsoContent.isSource(rpm) ? SOURCE : BINARY) + "/" + rpm.name();
    }

    /**
     * The packages of the images that pass {@code filter}, in {@link PackageOrder}. Of packages with
     * the same file name the first (in image order, then walk order) is taken and the others left
     * out with a warning.
     */
    static List<IsoPackage> plan(List<OpenIso> isos, FileNameFilter filter, Events events) {
        Map<String, IsoPackage> byHref = new HashMap<>();
        List<IsoPackage> planned = new ArrayList<>();
        for (OpenIso iso : isos) {
            for (IsoEntry rpm : iso.content().rpms()) {
                if (!filter.accepts(rpm.name())) {
                    continue;
                }
                IsoPackage p = new IsoPackage(iso, rpm, href(rpm));
                IsoPackage first = byHref.putIfAbsent(p.href(), p);
                if (first == null) {
                    planned.add(p);
                } else {
                    events.warn("left out " + p.label() + ": " + first.label() + " has the same file name");
                }
            }
        }
        planned.sort(Comparator.comparing(IsoPackage::href, PackageOrder.HREFS));
        return planned;
    }
}
