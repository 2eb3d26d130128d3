# The image of a dnf profile whose folder has no Dockerfile of its own (el9, xcpng-9.0).
# The base image's repository files are replaced by the profile's (xsbuild puts its *.repo files in
# yum.repos.d/), the toolchain is installed, the profile's rpm macros go in (xsbuild.macros, from its
# macro.* keys) and the unprivileged builder is made. xsbuild builds it with BASE and TOOLCHAIN, and
# writes each run's repositories (--repo, --enablerepo, --disablerepo) when a container starts.
ARG BASE
FROM ${BASE}
ARG TOOLCHAIN
RUN rm -f /etc/yum.repos.d/*.repo
COPY yum.repos.d/ /etc/yum.repos.d/
RUN dnf -y --setopt=install_weak_deps=False --setopt=tsflags=nodocs install $TOOLCHAIN \
 && dnf clean all
COPY xsbuild.macros /etc/rpm/macros.xsbuild
RUN useradd -m -u 1000 builder
CMD ["/bin/bash"]
