# The api and worker image. Build context: the repository root.
# Node 24, the active LTS line; the dependencies declare Node 22.12+ (package.json "engines").
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production TZ=Europe/Stockholm
# Indicator charts are drawn with resvg, which needs a font on the system.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/seeds/data ./seeds/data
RUN mkdir -p /app/var/files && chown -R node:node /app/var
USER node
EXPOSE 3000
# Migrations run as their own step before the api starts. The api replaces the shell (exec), so that
# `docker stop`'s SIGTERM reaches it and it stops gracefully; npm and sh would not pass it on.
CMD ["sh", "-c", "npm run migration:run:built && exec node -r ./scripts/register-paths.js dist/apps/api/src/main.js"]
