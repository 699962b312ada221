# Build and run the application; docker-compose.yml runs it with the postgres profile.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
RUN mvn -B -q -DskipTests package && cp target/onestop-*.jar /src/onestop.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 onestop
WORKDIR /app
COPY --from=build /src/onestop.jar /app/onestop.jar
USER onestop
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/onestop.jar"]
