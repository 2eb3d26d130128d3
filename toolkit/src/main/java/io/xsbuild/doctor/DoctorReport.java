package io.xsbuild.doctor;

import io.xsbuild.session.Leftovers;

import java.util.List;

/**
 * What {@link Doctor} found.
 *
 * @param leftovers containers of xsbuild sessions whose process is gone (after {@code --clean}, those it could not remove)
 * @param removed   the leftovers {@code --clean} removed
 */
public record DoctorReport(EngineCheck engine, List<ImageCheck> images, List<ToolCheck> tools, List<DiskCheck> disks,
                           List<Leftovers.Leftover> leftovers, List<Leftovers.Leftover> removed) {
    public DoctorReport {
        images = List.copyOf(images);
        tools = List.copyOf(tools);
        disks = List.copyOf(disks);
        leftovers = List.copyOf(leftovers);
        removed = List.copyOf(removed);
    }
}
