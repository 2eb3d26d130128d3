package io.xsbuild.doctor;

/** A profile's base image, and the command that makes it when missing. */
public record ImageCheck(String profile, String image, boolean present, String fix) {
}
