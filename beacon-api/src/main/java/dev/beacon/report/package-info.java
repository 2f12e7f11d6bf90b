/**
 * Typed browser reports: an observer asks for the report it wants, and never parses JSON.
 * <pre>{@code
 * @ApplicationScoped
 * public class Violations {
 *     void onCsp(@Observes @BeaconEndpoint("csp") CspViolation violation) {
 *         log.warning(violation.effectiveDirective().orElse("?") + " blocked " + violation.blockedURL().orElse("?"));
 *     }
 *     void onEveryOtherReport(@ObservesAsync Report report) { ... }
 * }
 * }</pre>
 * <table>
 * <caption>Report types and their classes</caption>
 * <tr><th>{@link dev.beacon.report.Report#type()}</th><th>class</th><th>sent by</th></tr>
 * <tr><td>{@code csp-violation}, and legacy {@code application/csp-report}</td><td>{@link dev.beacon.report.CspViolation}</td><td>{@code Content-Security-Policy} with {@code report-to} or {@code report-uri}</td></tr>
 * <tr><td>{@code deprecation}</td><td>{@link dev.beacon.report.DeprecationReport}</td><td>the browser, to the endpoint named {@code default} in {@code Reporting-Endpoints}</td></tr>
 * <tr><td>{@code intervention}</td><td>{@link dev.beacon.report.InterventionReport}</td><td>the same</td></tr>
 * <tr><td>{@code permissions-policy-violation}</td><td>{@link dev.beacon.report.PermissionsPolicyViolation}</td><td>{@code Permissions-Policy} with {@code report-to}</td></tr>
 * <tr><td>{@code crash}</td><td>{@link dev.beacon.report.CrashReport}</td><td>the browser, to {@code default}</td></tr>
 * <tr><td>{@code network-error}</td><td>{@link dev.beacon.report.NetworkErrorReport}</td><td>{@code NEL} with {@code report_to}</td></tr>
 * <tr><td>{@code coep}</td><td>{@link dev.beacon.report.CoepViolation}</td><td>{@code Cross-Origin-Embedder-Policy} with {@code report-to}</td></tr>
 * <tr><td>{@code coop}</td><td>{@link dev.beacon.report.CoopViolation}</td><td>{@code Cross-Origin-Opener-Policy} with {@code report-to}</td></tr>
 * <tr><td>{@code integrity-violation}</td><td>{@link dev.beacon.report.IntegrityViolation}</td><td>{@code Integrity-Policy} with {@code endpoints}</td></tr>
 * <tr><td>any other</td><td>{@link dev.beacon.report.Report}</td><td></td></tr>
 * </table>
 * Every class extends {@link dev.beacon.report.Report}, so an observer of {@code Report} receives all of them;
 * those that point at a line of the page's code also extend {@link dev.beacon.report.LocatedReport}.
 * Fields are read as leniently as browsers write them: each accessor is empty when its field is missing
 * or of the wrong kind, and a report is never refused for a field. {@link dev.beacon.report.Report#body()}
 * keeps every field as sent.
 */
package dev.beacon.report;
