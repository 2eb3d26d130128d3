# The same test base as build.sh makes, for machines that can pull from a registry:
#   docker build -t xsbuild/testbase:bookworm -f dockerfiles/testbase/base.Dockerfile dockerfiles/testbase
FROM debian:bookworm
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      rpm dnf dnf-plugins-core createrepo-c \
      gcc libc6-dev make git cpio xz-utils ca-certificates \
      patch bzip2 gzip tar diffutils findutils file passwd \
 && apt-get clean && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/lib/rpm /etc/yum.repos.d
ENV LANG=C.UTF-8
CMD ["/bin/bash"]
