# syntax=docker/dockerfile:1.7
# One recipe for the four services; the APP build arg picks which one the image runs:
#   docker build --build-arg APP=parser -t baoxun-parser .
# docker-compose.yml builds all four from here (the build stage is shared and cached).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: all dependencies, compile TypeScript to dist/ ------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Manifests first, so the dependency layer is reused until they change.
COPY package.json package-lock.json ./
# `npm install` with the committed lockfile, not `npm ci`: the lockfile lacks other
# platforms' optional native packages (@node-rs/jieba, swc), which `npm ci` rejects.
RUN --mount=type=cache,target=/root/.npm \
    npm install --no-audit --no-fund
COPY nx.json tsconfig.base.json tsconfig.json .swcrc ./
COPY apps ./apps
COPY libs ./libs
COPY tools ./tools
RUN npm run build
# Keep only what runs: drop dev dependencies from the same install (no second download).
RUN --mount=type=cache,target=/root/.npm \
    npm prune --omit=dev --no-audit --no-fund

# ---- runtime: production dependencies + compiled code, non-root -------------------------
FROM ${NODE_IMAGE} AS runtime
ARG APP
ENV NODE_ENV=production \
    APP=${APP}
WORKDIR /app
# Owned by root and only readable by the app user: the service cannot modify its own code.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Fail the build, not the container start, when APP names no service.
RUN test -n "${APP}" && test -f "dist/apps/${APP}/src/main.js" \
    || (echo "build arg APP must be one of: $(ls dist/apps)" >&2; exit 1)
USER node
# exec: node (not sh) receives SIGTERM and drains; compose adds tini via `init: true`.
CMD ["/bin/sh", "-c", "exec node dist/apps/${APP}/src/main.js"]
