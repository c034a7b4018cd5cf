# spofscan as a container: docker run --rm -v "$PWD:/src" ghcr.io/spofscan/spofscan scan .
# Built and smoke-tested by .github/workflows/docker.yml; VERSION is the release's (no -SNAPSHOT in a release).
FROM maven:3.9-eclipse-temurin-17 AS build
ARG VERSION=0.0.0-dev
WORKDIR /build
COPY pom.xml ./
COPY analyzer-core analyzer-core
COPY parsers parsers
COPY rules rules
COPY cli cli
RUN mvn -B -q -DskipTests -Dspofscan.version="$VERSION" package

FROM eclipse-temurin:17-jre
ARG VERSION=0.0.0-dev
LABEL org.opencontainers.image.title="spofscan" \
      org.opencontainers.image.description="Finds single points of failure in Terraform, CloudFormation and Kubernetes" \
      org.opencontainers.image.source="https://github.com/spofscan/spofscan" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="$VERSION"
RUN groupadd --system --gid 10001 spofscan \
 && useradd --system --uid 10001 --gid spofscan --home-dir /home/spofscan --create-home spofscan
COPY --from=build /build/cli/target/spofscan.jar /opt/spofscan/spofscan.jar
COPY LICENSE /opt/spofscan/LICENSE
COPY docker/spofscan /usr/local/bin/spofscan
USER 10001:10001
WORKDIR /src
ENTRYPOINT ["spofscan"]
CMD ["scan", "."]
