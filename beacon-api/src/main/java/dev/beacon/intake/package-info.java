/**
 * Internal: the one intake behind both entry points, for {@code beacon-servlet} and {@code beacon-jaxrs}
 * only. Its types change in any release without notice; applications use {@link dev.beacon.Beacon},
 * {@link dev.beacon.BeaconEndpoint}, {@link dev.beacon.BeaconConfig} and {@link dev.beacon.BeaconStatistics}.
 * <p>
 * Who owns which rule, one class each:
 * <table>
 * <caption>Rules and their owners</caption>
 * <tr><th>rule</th><th>class</th></tr>
 * <tr><td>which paths are beacon paths, and their endpoint names</td><td>{@link dev.beacon.intake.BeaconPaths}</td></tr>
 * <tr><td>one intake per application, built at start-up</td><td>{@link dev.beacon.intake.ApplicationIntake}</td></tr>
 * <tr><td>where settings are read, and names no module knows refused</td><td>{@link dev.beacon.intake.BeaconSettings}</td></tr>
 * <tr><td>the order of the rules, and the answer to each request</td><td>{@link dev.beacon.intake.BeaconIntake}</td></tr>
 * <tr><td>method ({@code 405})</td><td>{@link dev.beacon.intake.BeaconIntake}</td></tr>
 * <tr><td>origin admission, preflight, CORS headers</td><td>{@code CorsPolicy}</td></tr>
 * <tr><td>media type ({@code 415} with {@code Accept-Post})</td><td>{@code AcceptedMediaTypes}</td></tr>
 * <tr><td>body limit ({@code 413}), counted while reading</td><td>{@link dev.beacon.intake.BodyBuffer}</td></tr>
 * <tr><td>reading: blocking in the intake, without blocking in the filter's {@code NonBlockingBody}</td><td>{@link dev.beacon.intake.BodyBuffer}</td></tr>
 * <tr><td>content codings</td><td>{@code ContentDecoding}</td></tr>
 * <tr><td>parsing and validating into a {@link dev.beacon.Beacon}, and binding it to the classes observed at its endpoint</td><td>{@code BeaconParser}</td></tr>
 * <tr><td>JSON syntax, checked without building the tree</td><td>{@code JsonSyntax}</td></tr>
 * <tr><td>the client's address behind trusted proxies</td><td>{@code TrustedProxies}</td></tr>
 * <tr><td>per-client rate limit ({@code 429})</td><td>{@code RateLimit}</td></tr>
 * <tr><td>duplicates within the window</td><td>{@code DuplicateWindow}</td></tr>
 * <tr><td>{@code GET} beacons: the query as a form, the GIF, {@code 414}</td><td>{@link dev.beacon.intake.BeaconIntake}</td></tr>
 * <tr><td>beacons and bytes in flight ({@code 503})</td><td>{@code InFlightBudget}</td></tr>
 * <tr><td>admission: a place in flight and room in every sink, together or not at all</td><td>{@code Admission}</td></tr>
 * <tr><td>refusals: status, reason, logging, counting, {@code Connection: close}, {@code Retry-After}</td><td>{@code Refusals}</td></tr>
 * <tr><td>the answer on the wire, then delivery</td><td>{@link dev.beacon.intake.AnswerWriter}</td></tr>
 * <tr><td>finding the application's container at start-up, and joining admission, events and dispatch</td><td>{@code BeaconDelivery}</td></tr>
 * <tr><td>the events a beacon makes: the beacon, its reports, its typed payloads</td><td>{@code EventPlan}</td></tr>
 * <tr><td>notifying observers: resolution, {@code @Priority} order, isolation, request contexts, asynchronous threads</td><td>{@code Dispatcher}</td></tr>
 * <tr><td>observers' and sinks' failures: counted, logged within bounds</td><td>{@code FailureLog}</td></tr>
 * <tr><td>observers refused at deployment (transaction phases, {@code EventMetadata})</td><td>{@code ObserverRefusals}</td></tr>
 * <tr><td>the application's counters, which only the library changes</td><td>{@code BeaconCounters}</td></tr>
 * <tr><td>the counters over JMX</td><td>{@code StatisticsPublisher}</td></tr>
 * <tr><td>readiness, where the server has MicroProfile Health</td><td>{@code BeaconReadiness}</td></tr>
 * <tr><td>deployment checks, the observers of reports and payloads, and shutdown</td><td>{@link dev.beacon.intake.BeaconExtension}</td></tr>
 * </table>
 */
package dev.beacon.intake;
