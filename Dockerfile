# syntax=docker/dockerfile:1
#
# One image for every process of Samverka; the command picks the role:
#   node dist/app/api.main.js     the GraphQL API (default)
#   node dist/app/worker.main.js  a BullMQ worker (scale out freely)
#   node dist/scripts/migrate.js  apply pending migrations, then exit
#                                 (add --seed-demo to also seed the demo municipality)
# See docker-compose.yml for the wiring. There is no HEALTHCHECK here because
# only the API serves HTTP; compose checks the API's /readyz itself.

ARG NODE_VERSION=20
# node:20 images ship npm 10, which ignores package.json's allowScripts (npm 11
# install-script approvals) and so runs every install script; all of them are
# harmless here. Pass --build-arg NPM_VERSION=11.x.y to install with npm 11 and
# honour the approvals (its npm ci needs a lockfile that lists every platform's
# optional packages).
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
FROM base AS runtime
ENV NODE_ENV=production \
    PORT=4000
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force
COPY --from=build /app/dist ./dist
# Files stay owned by root (read-only for the app); the processes run unprivileged.
USER node
EXPOSE 4000
CMD ["node", "dist/app/api.main.js"]
