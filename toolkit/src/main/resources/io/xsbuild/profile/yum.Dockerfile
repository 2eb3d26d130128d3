# The image of a yum profile whose folder has no Dockerfile of its own (xs8, xcpng-8.2, xcpng-8.3).
# The base image's repository files are replaced by the profile's (xsbuild puts its *.repo files in
# yum.repos.d/), the toolchain is installed, the profile's rpm macros go in (xsbuild.macros, from its
# macro.* keys) and the unprivileged builder is made. xsbuild builds it with BASE and TOOLCHAIN, and
# writes each run's repositories (--repo, --enablerepo, --disablerepo) when a container starts.
ARG BASE
FROM ${BASE}
ARG TOOLCHAIN
RUN rm -f /etc/yum.repos.d/*.repo
COPY yum.repos.d/ /etc/yum.repos.d/
RUN if [ -f /etc/yum/pluginconf.d/fastestmirror.conf ]; then \
      sed -i 's/^enabled=1/enabled=0/' /etc/yum/pluginconf.d/fastestmirror.conf; fi \
 && yum -y --setopt=skip_missing_names_on_install=False --setopt=tsflags=nodocs install $TOOLCHAIN \
 && rm -f /etc/yum.repos.d/epel.repo /etc/yum.repos.d/epel-testing.repo \
 && yum clean all \
 && rm -rf /var/cache/yum
COPY xsbuild.macros /etc/rpm/macros.xsbuild
RUN useradd -m -u 1000 builder
CMD ["/bin/bash"]
