# syntax=docker/dockerfile:1
# Concertation web node (ASP.NET Core co-hosting an Orleans silo: HTTP 8080, silo 11111, gateway 30000). Build: docker compose build, or
#   docker build -t concertation-web .
# The web build runs npm to bundle the official @microsoft/signalr browser client into wwwroot,
# so the build stage carries Node.js 20 beside the .NET SDK.

FROM node:20-bookworm-slim AS node

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
WORKDIR /src
COPY . .
# For the image's architecture (-a: amd64 or arm64), so the node is compiled ahead of time (ReadyToRun, set in the web
# project for a publish that names one).
ARG TARGETARCH
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    --mount=type=cache,id=npm,target=/root/.npm \
    dotnet publish web/Collaboration.Web -c Release -a "${TARGETARCH:-amd64}" --self-contained false -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# SQLite (the default provider, one node) needs a writable place; compose uses PostgreSQL instead.
RUN mkdir -p /data && chown "$APP_UID" /data
ENV ASPNETCORE_URLS=http://+:8080 \
    ConnectionStrings__Sqlite="Data Source=/data/concertation.db"
COPY --from=build /app .
USER $APP_UID
EXPOSE 8080 11111 30000
VOLUME ["/data"]
ENTRYPOINT ["dotnet", "Collaboration.Web.dll"]
