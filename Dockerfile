# API and runner image for a deployment with a registry (see docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY contract/package.json contract/
COPY challenges/package.json challenges/
COPY runner/package.json runner/
COPY api/package.json api/
COPY web/package.json web/
COPY tests/package.json tests/
RUN npm ci --no-audit --no-fund
COPY . .
RUN if [ -f web/vite.config.ts ]; then npm run -w web build; fi
ENV HOST=0.0.0.0
CMD ["npx", "tsx", "api/src/main.ts"]
