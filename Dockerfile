# Mesh Advisor: `meshbot serve` on port 3000 by default; Socket Mode with
#   docker run … IMAGE meshbot socket
FROM python:3.12.8-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY knowledge ./knowledge
# Build the wheel, then install it (runtime dependencies only) into a venv
RUN python -m venv /opt/meshbot \
    && /opt/meshbot/bin/pip wheel --no-deps --wheel-dir /tmp/wheels . \
    && /opt/meshbot/bin/pip install /tmp/wheels/*.whl \
    && /opt/meshbot/bin/meshbot kb compile

FROM python:3.12.8-slim-bookworm
LABEL org.opencontainers.image.title="Mesh Advisor" \
      org.opencontainers.image.description="Slack bot with sourced answers to service-mesh questions"
ENV PATH=/opt/meshbot/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    MESHBOT_LOG_FORMAT=json
RUN groupadd --system --gid 10001 meshbot \
    && useradd --system --uid 10001 --gid meshbot --no-create-home --shell /usr/sbin/nologin meshbot
COPY --from=build /opt/meshbot /opt/meshbot
USER 10001:10001
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:3000/healthz', timeout=4)"]
ENTRYPOINT []
CMD ["meshbot", "serve", "--host", "0.0.0.0", "--port", "3000"]
