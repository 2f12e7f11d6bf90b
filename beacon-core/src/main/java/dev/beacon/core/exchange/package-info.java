/**
 * The HTTP exchange, one rule per class: which paths are beacon paths ({@link dev.beacon.core.exchange.BeaconPaths}),
 * the request as the rules read it ({@link dev.beacon.core.exchange.IncomingRequest}), the client's address behind
 * trusted proxies ({@code TrustedProxies}), origins, preflight and CORS headers ({@code CorsPolicy}), refusals with
 * their status, reason, log line, count and {@code Retry-After} ({@link dev.beacon.core.exchange.Refusals}), and the
 * answer on the wire, after which an accepted beacon is delivered ({@link dev.beacon.core.exchange.AnswerWriter}).
 */
package dev.beacon.core.exchange;
