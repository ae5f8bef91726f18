# One image for every Cohort app. Build once per app or pick the app at run time:
#   docker build --build-arg APP=groups -t cohort-groups .
#   docker run -e APP=gateway ... cohort      (APP: gateway|groups|membership|moderation|content|room-metadata|audit)

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY tsconfig.base.json tsconfig.json .swcrc nx.json ./
COPY apps ./apps
COPY libs ./libs
COPY tools ./tools
RUN npx --no-install swc apps libs tools -d dist --config-file .swcrc --quiet --ignore 'apps/console/**'
# The admin console: a static app the gateway serves at /console/.
RUN npx --no-install vite build --config apps/console/vite.config.mts --logLevel warn

FROM node:20-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
ARG APP=gateway
ENV APP=${APP} \
    NODE_ENV=production
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
CMD ["sh", "-c", "exec node --enable-source-maps dist/apps/${APP}/src/main.js"]
