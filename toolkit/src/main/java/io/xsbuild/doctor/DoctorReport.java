package io.xsbuild.doctor;

import java.util.List;

/** What {@link Doctor} found. */
public record DoctorReport(EngineCheck engine, List<ImageCheck> images, List<ToolCheck> tools, List<DiskCheck> disks) {
    public DoctorReport {
        images = List.copyOf(images);
        tools = List.copyOf(tools);
        disks = List.copyOf(disks);
    }
}
