package dev.parley.server.api;

import io.javalin.http.Handler;

/**
 * One endpoint of the API: its method, its path in OpenAPI's {@code {param}} syntax (which is also
 * Javalin's) and its handler. The list of them is what the server registers and what the OpenAPI
 * test holds against the committed document.
 *
 * @param method lower case, as OpenAPI writes it; the event stream is a {@code get} upgraded to a WebSocket
 * @param handler null for the WebSocket route, whose handlers {@link ApiServer} installs itself
 */
record Route(String method, String path, Handler handler) {}
